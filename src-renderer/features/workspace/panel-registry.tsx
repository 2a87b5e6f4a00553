/**
 * Every panel the workspace can show. A saved layout refers to panels by these ids; a panel that no
 * longer exists makes the saved layout unusable and the default layout is used instead.
 */
import type { ComponentType } from 'react';
import { BookPanel } from '../book/BookPanel';
import { PriceChartPanel } from '../chart/PriceChart';
import { DepthChartPanel } from '../depth/DepthChart';
import { KeymapPanel } from '../hotkeys/KeymapPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { ReplayPanel } from '../replay/ReplayPanel';
import { AgentsPanel } from '../sim/AgentsPanel';
import { NewsPanel } from '../sim/NewsPanel';
import { TapePanel } from '../tape/TapePanel';
import { FillsPanel } from '../trading/FillsPanel';
import { TradingLadderPanel } from '../trading/TradingLadder';
import { OrdersPanel } from '../trading/OrdersPanel';
import { PortfolioPanel } from '../trading/PortfolioPanel';
import { TicketPanel } from '../trading/TicketPanel';
import { VenueList } from '../venues/VenueList';

export interface PanelDef {
  readonly id: string;
  readonly title: string;
  readonly Component: ComponentType;
}

export const PANELS: readonly PanelDef[] = [
  { id: 'ladder', title: 'Ladder', Component: TradingLadderPanel },
  { id: 'book', title: 'Order book', Component: BookPanel },
  { id: 'depth', title: 'Depth', Component: DepthChartPanel },
  { id: 'chart', title: 'Chart', Component: PriceChartPanel },
  { id: 'tape', title: 'Trades', Component: TapePanel },
  { id: 'venues', title: 'Venues', Component: VenueList },
  { id: 'keymap', title: 'Keymap', Component: KeymapPanel },
  { id: 'ticket', title: 'Ticket', Component: TicketPanel },
  { id: 'orders', title: 'Open orders', Component: OrdersPanel },
  { id: 'fills', title: 'Fills', Component: FillsPanel },
  { id: 'portfolio', title: 'Portfolio', Component: PortfolioPanel },
  { id: 'agents', title: 'Agents', Component: AgentsPanel },
  { id: 'news', title: 'News', Component: NewsPanel },
  { id: 'history', title: 'History', Component: HistoryPanel },
  { id: 'replay', title: 'Replay', Component: ReplayPanel },
];

export const PANEL_BY_ID: ReadonlyMap<string, PanelDef> = new Map(PANELS.map((p) => [p.id, p]));
