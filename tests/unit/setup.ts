// IndexedDB for every unit test, installed before Dexie is first loaded (Dexie reads the global once).
import 'fake-indexeddb/auto';
