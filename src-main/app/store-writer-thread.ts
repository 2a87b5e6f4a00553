/**
 * Entry of the store writer thread (built as out/main/store-writer.js; tests run it from source):
 * the generic writer with the projectors of the venues whose rows it derives from their journals.
 */
import { SimProjector } from '../sim/projector';
import { SIM_VENUE } from '../sim/rows';
import { runWriterThread } from '../store/writer/thread';

runWriterThread({ [SIM_VENUE]: (history) => SimProjector.from(history) });
