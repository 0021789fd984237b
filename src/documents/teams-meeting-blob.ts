/**
 * Exchange appends the Teams meeting's join information to the body of an
 * online meeting (a line of underscores, "Microsoft Teams meeting", the join
 * link). Graph's advice: "preserve the meeting blob … inadvertently removing
 * the meeting blob from the body would disable meeting online." So an update
 * replaces only our part — everything before the blob — and keeps the rest
 * as Exchange wrote it. Outlook may rewrite the HTML, so the blob is found
 * tolerantly: the separator line, else the first Teams join link's block.
 */
export function keepTeamsMeetingBlob(currentBody: string, ourHtml: string): string {
  const start = blobStart(currentBody);
  if (start < 0) return ourHtml;
  const blob = currentBody.slice(start).replace(/<\/body>\s*<\/html>\s*$/i, '');
  return `${ourHtml}${blob}`;
}

function blobStart(html: string): number {
  const separator =
    /_{30,}/.exec(html) ??
    /https:\/\/teams\.microsoft\.com\/(?:l\/meetup-join|meet)\//i.exec(html) ??
    /\/teams\/(?:l\/meetup-join|meet)\//i.exec(html);
  if (!separator) return -1;
  // From the start of the element the blob sits in.
  const open = html.lastIndexOf('<div', separator.index);
  return open >= 0 ? open : separator.index;
}
