import { createMemoryStore } from './memory-store';
import { storeContract } from './store.contract';

storeContract('createMemoryStore', createMemoryStore);
