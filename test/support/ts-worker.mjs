// Runs a TypeScript worker entry from source (tests only): the entry path arrives as argv[2].
import { tsImport } from 'tsx/esm/api';

await tsImport(process.argv[2], import.meta.url);
