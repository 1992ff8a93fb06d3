/** One way a body breaks a Discord limit, shaped like an entry of Discord's 50035 `errors`. */
export interface LimitViolation {
  /** Dotted path inside the checked body, e.g. `embeds.0.title`. */
  path: string;
  code: string;
  message: string;
}

/** Discord's message, embed, component and autocomplete limits. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  buttonLabel: 80,
  customId: 100,
  buttonUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

interface EmbedLike {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}

interface ComponentLike {
  type?: number;
  style?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  components?: ComponentLike[];
}

/** The parts of a message body (reply, edit, follow-up) that Discord limits. */
export interface MessageBodyLike {
  content?: string | null;
  embeds?: EmbedLike[] | null;
  components?: ComponentLike[] | null;
  flags?: number;
}

const ACTION_ROW = 1;
const BUTTON = 2;
const LINK_STYLE = 5;
/** What Discord takes as a link: an absolute http(s) (or discord:) URL without spaces. */
const URL_PATTERN = /^(?:https?|discord):\/\/[^\s]+$/i;

const invalidUrl = (path: string): LimitViolation => ({ path, code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
const IS_COMPONENTS_V2 = 1 << 15;

/** Discord counts characters, not UTF-16 units. */
const lengthOf = (text: string): number => [...text].length;

const maxLength = (path: string, max: number): LimitViolation => ({
  path,
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});

const badLength = (path: string, min: number, max: number): LimitViolation => ({
  path,
  code: 'BASE_TYPE_BAD_LENGTH',
  message: `Must be between ${min} and ${max} in length.`,
});

const required = (path: string): LimitViolation => ({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });

function checkText(out: LimitViolation[], path: string, text: string | undefined, max: number): number {
  if (typeof text !== 'string') return 0;
  const length = lengthOf(text);
  if (length > max) out.push(maxLength(path, max));
  return length;
}

function checkEmbed(out: LimitViolation[], path: string, embed: EmbedLike): number {
  if (embed.url !== undefined && !URL_PATTERN.test(embed.url)) out.push(invalidUrl(`${path}.url`));
  let total = checkText(out, `${path}.title`, embed.title, DISCORD_LIMITS.embedTitle);
  total += checkText(out, `${path}.description`, embed.description, DISCORD_LIMITS.embedDescription);
  total += checkText(out, `${path}.footer.text`, embed.footer?.text, DISCORD_LIMITS.footerText);
  total += checkText(out, `${path}.author.name`, embed.author?.name, DISCORD_LIMITS.authorName);
  const fields = embed.fields ?? [];
  if (fields.length > DISCORD_LIMITS.embedFields) out.push(maxLength(`${path}.fields`, DISCORD_LIMITS.embedFields));
  fields.forEach((field, index) => {
    const fieldPath = `${path}.fields.${index}`;
    if (!field.name) out.push(required(`${fieldPath}.name`));
    if (!field.value) out.push(required(`${fieldPath}.value`));
    total += checkText(out, `${fieldPath}.name`, field.name, DISCORD_LIMITS.fieldName);
    total += checkText(out, `${fieldPath}.value`, field.value, DISCORD_LIMITS.fieldValue);
  });
  return total;
}

function checkComponents(out: LimitViolation[], components: ComponentLike[], flags: number): void {
  const legacyLayout = (flags & IS_COMPONENTS_V2) === 0;
  if (legacyLayout && components.length > DISCORD_LIMITS.actionRows) {
    out.push(maxLength('components', DISCORD_LIMITS.actionRows));
  }
  const seenIds = new Set<string>();
  components.forEach((row, rowIndex) => {
    if (row.type !== ACTION_ROW) return;
    const children = row.components ?? [];
    const rowPath = `components.${rowIndex}.components`;
    if (children.length < 1 || children.length > DISCORD_LIMITS.rowComponents) {
      out.push(badLength(rowPath, 1, DISCORD_LIMITS.rowComponents));
    }
    children.forEach((child, index) => {
      const path = `${rowPath}.${index}`;
      checkText(out, `${path}.label`, child.label, DISCORD_LIMITS.buttonLabel);
      checkText(out, `${path}.custom_id`, child.custom_id, DISCORD_LIMITS.customId);
      if (child.type === BUTTON && child.style === LINK_STYLE) {
        // A link button opens its URL and never reaches the bot: a URL, no custom id.
        if (child.custom_id !== undefined) out.push({ path: `${path}.custom_id`, code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', message: 'A link button cannot have a custom id.' });
        if (child.url === undefined) out.push(required(`${path}.url`));
        else if (!URL_PATTERN.test(child.url) || lengthOf(child.url) > DISCORD_LIMITS.buttonUrl) out.push(invalidUrl(`${path}.url`));
      } else if (child.type === BUTTON && child.custom_id === undefined) {
        out.push(required(`${path}.custom_id`));
      }
      if (child.custom_id === undefined) return;
      if (seenIds.has(child.custom_id)) {
        out.push({ path: `${path}.custom_id`, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      }
      seenIds.add(child.custom_id);
    });
  });
}

/**
 * Lists every Discord limit a message body breaks, in body order; empty when Discord would accept it.
 * @param body - the JSON the bot sends as a reply, edit or follow-up (a callback's `data`).
 */
export function checkMessageLimits(body: MessageBodyLike): LimitViolation[] {
  const out: LimitViolation[] = [];
  checkText(out, 'content', body.content ?? undefined, DISCORD_LIMITS.content);
  const embeds = body.embeds ?? [];
  if (embeds.length > DISCORD_LIMITS.embeds) out.push(maxLength('embeds', DISCORD_LIMITS.embeds));
  const embedText = embeds.reduce((sum, embed, index) => sum + checkEmbed(out, `embeds.${index}`, embed), 0);
  if (embedText > DISCORD_LIMITS.embedTotal) {
    out.push({ path: 'embeds', code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedTotal}` });
  }
  checkComponents(out, body.components ?? [], body.flags ?? 0);
  return out;
}

/**
 * Lists every limit an autocomplete answer breaks: at most 25 choices, names of 1-100
 * characters, string values of at most 100 characters.
 */
export function checkAutocompleteChoices(choices: { name?: unknown; value?: unknown }[]): LimitViolation[] {
  const out: LimitViolation[] = [];
  if (choices.length > DISCORD_LIMITS.choices) out.push(maxLength('choices', DISCORD_LIMITS.choices));
  choices.forEach((choice, index) => {
    const name = typeof choice.name === 'string' ? lengthOf(choice.name) : 0;
    if (name < 1 || name > DISCORD_LIMITS.choiceName) out.push(badLength(`choices.${index}.name`, 1, DISCORD_LIMITS.choiceName));
    if (typeof choice.value === 'string') checkText(out, `choices.${index}.value`, choice.value, DISCORD_LIMITS.choiceValue);
  });
  return out;
}
