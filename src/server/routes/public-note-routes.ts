import { Router } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { publishedNote } from '../../app/minutes/published-note.js';
import { renderPublicNoteHtml } from '../../documents/minutes-documents.js';

/** The published note at its stable address, for the school website to link to. Public by design: it passed the guard. */
export function publicNoteRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/offentligt/notat/:publicId', async (req, res) => {
    const note = await publishedNote(ctx, req.params.publicId);
    if (!note)
      return res
        .status(404)
        .type('html')
        .send('<!doctype html><html lang="da"><title>Ikke fundet</title><p>Notatet findes ikke.</p></html>');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('html').send(renderPublicNoteHtml(note.conversation, note.content));
  });
  return router;
}
