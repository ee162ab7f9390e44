import { useState } from 'preact/hooks';
import { initials } from './initials';

/**
 * A person's photo, or their initials where there is none or it fails to load (LinkedIn's photo
 * links expire). Decorative: the name is always written beside it.
 */
export function Avatar({ name, photoUrl, size = 40 }: { name: string; photoUrl?: string | null; size?: number }) {
  const [broken, setBroken] = useState(false);
  const showPhoto = !!photoUrl && !broken;
  return (
    <span class="avatar" aria-hidden="true" style={{ '--avatar': `${size}px` }} data-initials={showPhoto ? undefined : initials(name)}>
      {showPhoto ? (
        <img src={photoUrl} alt="" width={size} height={size} referrerpolicy="no-referrer" onError={() => setBroken(true)} />
      ) : (
        initials(name)
      )}
    </span>
  );
}
