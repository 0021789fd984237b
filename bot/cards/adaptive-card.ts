/**
 * The subset of the Adaptive Card schema our cards use, typed so a builder
 * cannot produce an element Teams does not know. Version 1.5 is the newest
 * Teams renders on every client; Action.Execute (Universal Actions) needs 1.4.
 */
export const cardVersion = '1.5';

export type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'default' | 'bolder';
  size?: 'small' | 'default' | 'medium' | 'large';
  isSubtle?: boolean;
  color?: 'default' | 'good' | 'attention' | 'warning' | 'accent';
  spacing?: 'none' | 'small' | 'medium' | 'large';
  style?: 'heading';
};
export type FactSet = { type: 'FactSet'; facts: { title: string; value: string }[] };
export type InputText = {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  errorMessage?: string;
};
export type InputChoiceSet = {
  type: 'Input.ChoiceSet';
  id: string;
  label?: string;
  style?: 'compact' | 'expanded';
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
  choices: { title: string; value: string }[];
};
export type Container = { type: 'Container'; items: CardElement[]; style?: 'default' | 'emphasis' | 'good' | 'attention' };
export type CardElement = TextBlock | FactSet | InputText | InputChoiceSet | Container;

export type ActionExecute = {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style?: 'positive' | 'default';
};
export type ActionOpenUrl = { type: 'Action.OpenUrl'; title: string; url: string };
export type CardAction = ActionExecute | ActionOpenUrl;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof cardVersion;
  body: CardElement[];
  actions?: CardAction[];
  /** Teams asks the bot for the card's current state when someone views it. */
  refresh?: { action: ActionExecute; userIds?: string[] };
}

export const cardContentType = 'application/vnd.microsoft.card.adaptive';

/** `locale` picks nothing in the card itself (Teams renders in the client's language); builders pass it for symmetry. */
export function card(_locale: string, body: CardElement[], actions: CardAction[] = [], refresh?: AdaptiveCard['refresh']): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: cardVersion,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
  };
}

export const heading = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  weight: 'bolder',
  size: 'medium',
  style: 'heading',
});
export const paragraph = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'TextBlock', text, wrap: true, ...extra });
