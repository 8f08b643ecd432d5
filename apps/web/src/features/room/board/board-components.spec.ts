import { describe, expect, it } from '@jest/globals';
import { componentIdsOnBoard } from './board-components';

describe('componentIdsOnBoard', () => {
  it('collects the component ids of palette shapes that are not deleted', () => {
    const ids = componentIdsOnBoard([
      { id: 'a', type: 'rectangle', isDeleted: false, customData: { componentId: 'ranker' } },
      { id: 'b', type: 'text', isDeleted: false },
      { id: 'c', type: 'rectangle', isDeleted: true, customData: { componentId: 'cache' } },
      { id: 'd', type: 'rectangle', isDeleted: false, customData: { componentId: 'ranker' } },
      { id: 'e', type: 'rectangle', isDeleted: false, customData: { componentId: 'ann-index' } },
    ]);
    expect([...ids].sort()).toEqual(['ann-index', 'ranker']);
  });

  it('ignores whatever else another client may have written', () => {
    const ids = componentIdsOnBoard([null, 'text', 7, [], { customData: null }, { customData: { componentId: 42 } }, { customData: 'ranker' }]);
    expect(ids.size).toBe(0);
  });
});
