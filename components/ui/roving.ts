/**
 * Where a roving focus goes on a key press in a row of tabs or a menu's items: arrows wrap, Home and
 * End jump; -1 for a key that does not move it. `vertical` lists (menus) use Up/Down, horizontal
 * ones (tabs) Left/Right; both accept the other pair too, so either works in either.
 */
export function rovingIndex(key: string, current: number, count: number): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return -1;
  }
}
