#!/usr/bin/env python3
"""Example bot: a momentum trader for the Depthline agents API (docs/agents-api.md).

Python 3.9+ standard library only (a minimal RFC 6455 client is included below), so it runs
anywhere without `pip install`.

It registers an agent, watches the public `trade` messages of one symbol and compares a short and
a long moving average of the trade prices (with decimal.Decimal, never floats). When the short
average rises above the long one by more than --threshold-bps it buys min_size with a market IOC
order; when it falls below by as much and the agent holds base, it sells what it holds.

Run it against a running Depthline (`npm run serve` or the desktop app):
    python3 examples/momentum.py --token-file ~/.local/share/depthline/gateway.token
Options: --url ws://127.0.0.1:7421/  --symbol BTC-USD  --name momentum-py  --capital 10000
         --short 5  --long 20  --threshold-bps 5  --seconds <run time, default forever>
Env: DEPTHLINE_GATEWAY_URL, DEPTHLINE_GATEWAY_TOKEN (instead of --token-file).
At the end it prints one JSON line: {"agent_id", "orders", "fills", "errors"}.
"""
import argparse
import base64
import hashlib
import json
import os
import socket
import struct
import sys
import time
from collections import deque
from decimal import Decimal, ROUND_DOWN
from urllib.parse import urlparse

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class WebSocketClient:
    """Just enough of RFC 6455 for a bot: text frames, masking, fragments, ping/pong, close."""

    def __init__(self, url, token, timeout=10.0):
        parts = urlparse(url)
        if parts.scheme != "ws":
            raise ValueError("only ws:// URLs on this machine are supported")
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Authorization: Bearer {token}\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("connection closed during the handshake")
            head += chunk
        head, self.buffer = head.split(b"\r\n\r\n", 1)
        lines = head.decode("latin1").split("\r\n")
        if not lines[0].startswith("HTTP/1.1 101"):
            raise ConnectionError(f"handshake refused: {lines[0]}")
        expected = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        if not any(l.lower() == f"sec-websocket-accept: {expected.lower()}" for l in lines[1:]):
            raise ConnectionError("bad Sec-WebSocket-Accept")

    def _frame(self, opcode, payload):
        mask = os.urandom(4)
        n = len(payload)
        if n < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
        elif n < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send(self, message):
        self._frame(0x1, json.dumps(message).encode())

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def recv(self, timeout):
        """The next JSON message, or None when nothing arrives within `timeout` seconds."""
        self.sock.settimeout(timeout)
        parts = []
        try:
            while True:
                b0, b1 = self._read(2)
                opcode, n = b0 & 0x0F, b1 & 0x7F
                if n == 126:
                    n = struct.unpack("!H", self._read(2))[0]
                elif n == 127:
                    n = struct.unpack("!Q", self._read(8))[0]
                payload = self._read(n)
                if opcode == 0x9:
                    self._frame(0xA, payload)
                elif opcode == 0x8:
                    code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                    raise ConnectionError(f"server closed the connection ({code})")
                elif opcode in (0x1, 0x0):
                    parts.append(payload)
                    if b0 & 0x80:
                        return json.loads(b"".join(parts).decode("utf-8"))
        except socket.timeout:
            return None

    def close(self):
        try:
            self._frame(0x8, struct.pack("!H", 1000))
        finally:
            self.sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=os.environ.get("DEPTHLINE_GATEWAY_URL", "ws://127.0.0.1:7421/"))
    parser.add_argument("--token-file")
    parser.add_argument("--symbol", default="BTC-USD")
    parser.add_argument("--name", default="momentum-py")
    parser.add_argument("--capital", default="10000")
    parser.add_argument("--short", type=int, default=5)
    parser.add_argument("--long", type=int, default=20)
    parser.add_argument("--threshold-bps", type=Decimal, default=Decimal("5"))
    parser.add_argument("--seconds", type=float, default=None)
    args = parser.parse_args()
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as f:
            token = f.read().strip()
    else:
        token = os.environ.get("DEPTHLINE_GATEWAY_TOKEN")
    if not token:
        sys.exit("momentum: pass --token-file <data dir>/gateway.token or set DEPTHLINE_GATEWAY_TOKEN")

    ws = WebSocketClient(args.url, token)
    stats = {"agent_id": None, "orders": 0, "fills": 0, "errors": {}}
    instrument = None
    prices = deque(maxlen=args.long)
    base_held = Decimal(0)
    threshold = args.threshold_bps / Decimal(10000)
    in_flight = False
    deadline = None if args.seconds is None else time.monotonic() + args.seconds

    ws.send({"type": "agent_register", "name": args.name, "starting_capital": args.capital, "req_id": 1})
    next_req = 2
    try:
        while deadline is None or time.monotonic() < deadline:
            msg = ws.recv(0.2)
            if msg is None:
                continue
            kind = msg.get("type")
            if kind == "instruments":
                instrument = next((i for i in msg["instruments"] if i["symbol_id"] == args.symbol), None)
                if instrument is None:
                    sys.exit(f"momentum: the venue has no instrument {args.symbol}")
            elif kind == "agent_registered":
                stats["agent_id"] = msg["agent_id"]
                print(f"registered {args.name} as {msg['agent_id']}", file=sys.stderr)
            elif kind == "error":
                stats["errors"][msg["code"]] = stats["errors"].get(msg["code"], 0) + 1
                if msg.get("request") == "agent_register":
                    sys.exit(f"momentum: could not register: {msg['msg']}")
                in_flight = False
            elif kind == "order_response":
                stats["orders"] += 1
                in_flight = False
            elif kind == "order_filled":
                stats["fills"] += 1
                # Track holdings from our own fills too: the portfolio_update may come after
                # the next trade message, and acting on a stale balance would oversell.
                quantity = Decimal(msg["quantity"])
                base_held += quantity if msg["side"] == "buy" else -quantity
            elif kind == "portfolio_update":
                base = args.symbol.split("-")[0]
                base_held = sum((Decimal(h["free"]) for h in msg["holdings"] if h["asset"] == base), Decimal(0))
            elif kind == "trade" and msg["symbol_id"] == args.symbol:
                prices.append(Decimal(msg["price"]))
                if len(prices) < args.long or instrument is None or stats["agent_id"] is None or in_flight:
                    continue
                short = sum(list(prices)[-args.short:]) / args.short
                long_ = sum(prices) / len(prices)
                order = None
                if short > long_ * (1 + threshold) and base_held < Decimal(instrument["min_size"]):
                    order = ("buy", instrument["min_size"])
                elif short < long_ * (1 - threshold) and base_held >= Decimal(instrument["min_size"]):
                    lot = Decimal(instrument["lot_size"])
                    order = ("sell", str((base_held / lot).to_integral_value(ROUND_DOWN) * lot))
                if order:
                    side, quantity = order
                    ws.send({"type": "add_order", "symbol_id": args.symbol, "side": side, "quantity": quantity,
                             "order_type": "market", "time_in_force": "IOC", "req_id": next_req})
                    next_req += 1
                    in_flight = True
    except KeyboardInterrupt:
        pass
    except ConnectionError as error:
        # e.g. 4001: the user disconnected this bot from the UI (its open orders were canceled).
        stats["closed_by_server"] = str(error)
        print(f"momentum: {error}", file=sys.stderr)
    finally:
        try:
            ws.close()
        except OSError:
            pass
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
