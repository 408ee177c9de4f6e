// LinkedIn's three envelopes of one answer (LINKEDIN-SIGNALS.md "Envelopes" [firm]): flat
// (`{"elements":[…]}` or `{"value":{…}}`), wrapped under `data`, and normalized
// (`{"data":{…},"included":[…]}`, entities once in `included`, referenced by URN, sometimes as
// a key "*<urn>"). Rest.li puts a resolution map (`<field>ResolutionResults`) beside the field
// it resolves, in the same object. These helpers take all three; nothing else knows them.

type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Envelope {
  /** The answer's own body: the top level of a flat answer, `data` of a wrapped or normalized one. */
  body: Obj;
  /** Entities of a normalized answer by `entityUrn` (empty otherwise). */
  included: Map<string, Obj>;
  form: 'flat' | 'wrapped' | 'normalized';
}

/** The envelope of an answer, or null when it is not a JSON object. */
export function envelopeOf(input: unknown): Envelope | null {
  if (!isObject(input)) return null;
  const included = new Map<string, Obj>();
  if (Array.isArray(input.included)) {
    for (const entity of input.included) {
      if (isObject(entity) && typeof entity.entityUrn === 'string') included.set(entity.entityUrn, entity);
    }
  }
  const data = input.data;
  if (isObject(data) && !('elements' in input) && !('value' in input)) {
    return { body: data, included, form: Array.isArray(input.included) ? 'normalized' : 'wrapped' };
  }
  return { body: input, included, form: 'flat' };
}

/**
 * The elements of a collection answer: `elements` of the body, or of `data` once more
 * (normalized answers sometimes nest it), or, for an answer about one entity, that entity.
 * Elements given as URN strings (normalized `*elements`) are looked up in `included`.
 */
export function elementsOf(env: Envelope): unknown[] {
  const body = isObject(env.body.data) && !('elements' in env.body) ? env.body.data : env.body;
  const raw = Array.isArray(body.elements)
    ? body.elements
    : Array.isArray(body['*elements'])
      ? body['*elements']
      : null;
  if (raw === null) return [body];
  return raw.map((e) => (typeof e === 'string' ? (env.included.get(e) ?? e) : e));
}

/** `value` of an action's answer, in any envelope (`value`, `data.value`, `data` itself). */
export function actionValue(env: Envelope): Obj | null {
  if (isObject(env.body.value)) return env.body.value;
  if (isObject(env.body.data) && isObject(env.body.data.value)) return env.body.data.value;
  return env.form === 'flat' ? null : env.body;
}

/**
 * A referenced entity: `ref` is a URN (or an object already). Looked up in `owner`'s own
 * resolution map for `field` (keyed by URN or "*<urn>", mapping to the entity or to the URN
 * again), then in `included`. Null when it resolves nowhere.
 */
export function resolve(env: Envelope, owner: Obj, field: string, ref: unknown): Obj | null {
  if (isObject(ref)) return ref;
  if (typeof ref !== 'string') return null;
  const urn = ref.startsWith('*') ? ref.slice(1) : ref;
  for (const map of [owner[`${field}ResolutionResults`], owner[`*${field}ResolutionResults`]]) {
    if (!isObject(map)) continue;
    const hit = map[urn] ?? map[`*${urn}`];
    if (isObject(hit)) return hit;
    if (typeof hit === 'string') {
      const inc = env.included.get(hit.startsWith('*') ? hit.slice(1) : hit);
      if (inc) return inc;
    }
  }
  return env.included.get(urn) ?? null;
}
