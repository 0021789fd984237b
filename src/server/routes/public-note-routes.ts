import { Router } from 'express';
import type { Database } from '../../store/database.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { renderPublicNoteHtml } from '../../documents/minutes-documents.js';

/** The published note at its stable address, for the school website to link to. Public by design: it passed the guard. */
export function publicNoteRoutes(db: Database): Router {
  const router = Router();
  router.get('/offentligt/notat/:publicId', async (req, res) => {
    const published = await minutesRepository.findPublished(db, req.params.publicId);
    const stored = published ? await conversationRepository.get(db, published.conversationId) : null;
    if (!published || !stored)
      return res
        .status(404)
        .type('html')
        .send('<!doctype html><html lang="da"><title>Ikke fundet</title><p>Notatet findes ikke.</p></html>');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('html').send(renderPublicNoteHtml(stored.conversation, published.content));
  });
  return router;
}
