// Global ids are opaque, typed, and reject anything that is not one of ours.
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id';

test('an id round-trips to its type and key', () => {
  expect(fromGlobalId(toGlobalId('Person', 'person-ian-mak'))).toEqual({ type: 'Person', key: 'person-ian-mak' });
});

test('keys with colons and non-Latin text survive', () => {
  expect(fromGlobalId(toGlobalId('Place', 'place:深圳'))).toEqual({ type: 'Place', key: 'place:深圳' });
});

test.each(['', '!!!', 'not base64 at all', Buffer.from('Unicorn:x').toString('base64url'), Buffer.from('Person:').toString('base64url'), `${toGlobalId('Person', 'x')}=`])(
  'malformed id %p is BAD_USER_INPUT',
  (id) => {
    expect(() => fromGlobalId(id)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  },
);
