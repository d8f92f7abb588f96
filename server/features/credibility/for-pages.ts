import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { NgoCredibility } from '../../../domain/api/credibility';
import type { Db } from '../../db/connect';
import { CLOCK_SLICE_MS } from '../../plugins/page-cache';
import { ngoCredibility } from './credibility';

const panelsByDatabase = new WeakMap<Db, LRUCache<string, Promise<NgoCredibility>>>();

/**
 * The panel as the student's card and the sponsorship's detail show it: computed at most once per NGO
 * per 5-minute slice in this process, since a year of figures moves slowly and computing it takes a
 * dozen aggregate reads — what a Giving Day crowd opening cards would otherwise repeat for each card.
 * The same slice bounds the detail page (`config.pageCache`). `GET /api/ngos/:id/credibility` stays fresh.
 */
export function credibilityForPages(app: FastifyInstance, ngoId: string, now: Date): Promise<NgoCredibility> {
  const panels = panelsByDatabase.get(app.db) ?? new LRUCache<string, Promise<NgoCredibility>>({ max: 1000 });
  panelsByDatabase.set(app.db, panels);
  const key = `${ngoId} ${Math.floor(now.getTime() / CLOCK_SLICE_MS)}`;
  let panel = panels.get(key);
  if (!panel) {
    panel = ngoCredibility(app.db, ngoId, now);
    panels.set(key, panel);
    // A failed computation is not kept: the next page asks again.
    panel.catch(() => panels.delete(key));
  }
  return panel;
}
