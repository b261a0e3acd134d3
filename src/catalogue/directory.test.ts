import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ONTARIO_INSTITUTIONS } from './directory.ts';
import { institutionSchema } from './model.ts';

describe('the directory of Ontario institutions', () => {
  it('holds every publicly assisted college, university and Indigenous Institute, each valid', () => {
    const count = (type: string) => ONTARIO_INSTITUTIONS.filter((row) => row.type === type).length;
    assert.equal(count('public-college'), 24);
    assert.equal(count('university'), 23);
    assert.equal(count('indigenous-institute'), 9);
    for (const row of ONTARIO_INSTITUTIONS) assert.deepEqual(institutionSchema.parse(row), row, row.id);
  });

  it('has unique ids, names and websites', () => {
    for (const key of ['id', 'website'] as const) {
      const values = ONTARIO_INSTITUTIONS.map((row) => row[key]);
      assert.equal(new Set(values).size, values.length, key);
    }
    const names = ONTARIO_INSTITUTIONS.map((row) => row.name.en);
    assert.equal(new Set(names).size, names.length);
  });
});
