// Relay global ids: opaque base64url of "<Type>:<key>". Clients must not parse them; the type
// prefix lets node(id:) refuse an id of one type presented as another.
import { badInput } from './errors';

export const NODE_TYPES = ['Person', 'Organisation', 'Event', 'Agreement', 'Project', 'Place', 'Document'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalId {
  type: NodeType;
  key: string;
}

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id; a malformed one is the caller's error (BAD_USER_INPUT). */
export function fromGlobalId(id: string): GlobalId {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon) as NodeType;
  const key = decoded.slice(colon + 1);
  if (colon < 0 || !NODE_TYPES.includes(type) || key === '' || toGlobalId(type, key) !== id) {
    throw badInput(`malformed id ${JSON.stringify(id)}`, 'id');
  }
  return { type, key };
}
