/** Text as a sprite: drawn once on a canvas, used as a texture, sized in scene units. */
import { CanvasTexture, LinearFilter, SRGBColorSpace, Sprite, SpriteMaterial } from 'three';

export interface LabelStyle {
  /** Text height in scene units. */
  height: number;
  color?: string;
  weight?: number;
  /** Which point of the text sits at the sprite's position: [0, 0] bottom left, [0.5, 0.5] centre. */
  anchor?: [number, number];
}

/** Canvas pixels per text height: sharp at any zoom a lab needs. */
const pixels = 64;

export function makeLabel(text: string, style: LabelStyle): Sprite {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw text on a canvas');
  const font = `${style.weight ?? 500} ${pixels * 0.72}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  context.font = font;
  const pad = Math.round(pixels * 0.12);
  canvas.width = Math.ceil(context.measureText(text).width) + 2 * pad;
  canvas.height = pixels;
  // Resizing the canvas resets its state: set the font again.
  context.font = font;
  context.textBaseline = 'middle';
  context.fillStyle = style.color ?? '#c9d1db';
  // A dark outline keeps the text readable over a bright surface.
  context.lineWidth = pixels * 0.09;
  context.strokeStyle = 'rgba(11, 14, 18, 0.85)';
  context.lineJoin = 'round';
  context.strokeText(text, pad, pixels / 2);
  context.fillText(text, pad, pixels / 2);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.minFilter = LinearFilter;
  texture.generateMipmaps = false;
  // Depth-tested: a label behind the surface (seen from the far side) is hidden, not drawn over it.
  const material = new SpriteMaterial({ map: texture, transparent: true, depthWrite: false });
  const sprite = new Sprite(material);
  sprite.scale.set((style.height * canvas.width) / canvas.height, style.height, 1);
  sprite.center.set(...(style.anchor ?? [0.5, 0.5]));
  sprite.renderOrder = 5;
  return sprite;
}

/** Frees a label's texture and material. */
export function disposeLabel(sprite: Sprite): void {
  sprite.material.map?.dispose();
  sprite.material.dispose();
}
