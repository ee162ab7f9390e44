// Keyboard of a WAI-ARIA menu: where focus goes for a key, from item `at` of `count` (wrapping).
export function menuKeyTarget(key: string, at: number, count: number): number | 'close' | null {
  if (count === 0) return key === 'Escape' ? 'close' : null;
  switch (key) {
    case 'ArrowDown':
      return (at + 1) % count;
    case 'ArrowUp':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Escape':
      return 'close';
    default:
      return null;
  }
}
