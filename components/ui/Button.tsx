import type { ButtonHTMLAttributes } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'size' | 'type'> & {
  variant?: ButtonVariant;
  /** `sm`: 24 px tall, the smallest target allowed (WCAG 2.5.8). */
  size?: 'md' | 'sm';
  type?: 'button' | 'submit' | 'reset';
};

/** The one button: secondary unless told; every size stays at least 24 × 24 px. */
export function Button({ variant = 'secondary', size = 'md', type = 'button', class: extra, ...rest }: Props) {
  const cls = ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', typeof extra === 'string' ? extra : ''].filter(Boolean).join(' ');
  return <button type={type} class={cls} {...rest} />;
}
