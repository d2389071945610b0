import type { ChotDatabase } from './db';
import { indexCatalog, type CatalogIndex } from '../parser/index';
import { loadStoredCatalog } from './catalog';

/** The catalog's parser index, built once and again only after the catalog or the pinned product changes. */
export class CatalogCache {
  private index: Promise<CatalogIndex> | undefined;

  constructor(private readonly db: ChotDatabase) {}

  get(): Promise<CatalogIndex> {
    this.index ??= loadStoredCatalog(this.db).then(indexCatalog);
    return this.index;
  }

  invalidate(): void {
    this.index = undefined;
  }
}
