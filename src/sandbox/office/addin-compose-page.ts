/**
 * The sandbox's stand-in for Outlook's meeting form around the add-in's pane
 * (organiser, compose mode): editing the end raises Outlook's
 * AppointmentTimeChanged in the pane; "Gem" saves the form — body and
 * attendees as the pane may have changed them — to the mailbox, as Outlook
 * saves to Exchange.
 */
const pane = () => document.querySelector<HTMLIFrameElement>('iframe[title="Udviklingssamtale"]')!.contentWindow!;

document.getElementById('change-end')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = (event.target as HTMLFormElement).elements.namedItem('end') as HTMLInputElement;
  pane().postMessage({ type: 'sandbox-time-changed', from: input.defaultValue, to: input.value }, location.origin);
  input.defaultValue = input.value;
});

const state = document.getElementById('save-state');
document.getElementById('save-meeting')?.addEventListener('click', () => {
  if (state) state.textContent = '…';
  pane().postMessage({ type: 'sandbox-save' }, location.origin);
});

window.addEventListener('message', (event) => {
  const data = event.data as { type?: string; ok?: boolean; message?: string };
  if (event.origin !== location.origin) return;
  if (data?.type === 'sandbox-saved') {
    if (data.ok) location.reload();
    else if (state) state.textContent = data.message ?? 'Fejl';
  }
  if (data?.type === 'sandbox-item-changed' && state) state.textContent = state.dataset.unsaved ?? '';
});
