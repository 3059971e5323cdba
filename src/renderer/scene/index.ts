/**
 * The scene: the loss surface in 3D with the particle cloud descending it (three.js). Mounted into
 * `#scene`; the canvas carries data-testid="scene" and data-surface ("none", "pending" while the grid is
 * computed, "ready" once drawn) for tests. Without WebGL it says so and the rest of the page works on.
 */
import { WebGLRenderer } from 'three';
import { element } from '../dom';
import type { MountContext, SceneHandle } from '../mounts';
import { LabScene } from './LabScene';
import { Overlay } from './Overlay';

export function mountScene(container: HTMLElement, { lab, notices }: MountContext): SceneHandle {
  const canvas = element('canvas');
  canvas.dataset.testid = 'scene';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute(
    'aria-label',
    'The loss surface and the particles descending it. Drag to orbit, right-drag to pan, scroll to zoom; click to start one particle there, shift-drag to seed a cloud.',
  );
  container.append(canvas);
  const overlay = new Overlay(container);
  let renderer: WebGLRenderer;
  try {
    // preserveDrawingBuffer: the picture stays readable after it is shown (tests and screenshots read it back).
    // Multisampling costs a software renderer 40 % of its frame rate (SwiftShader: 8 against 13 fps).
    renderer = new WebGLRenderer({ canvas, antialias: !softwareRenderer(), preserveDrawingBuffer: true, powerPreference: 'high-performance' });
  } catch {
    overlay.show('no-webgl');
    return {
      frameView: () => {},
      toggleSplit: () => {},
      resetView: () => {},
      container,
      surfaceState: () => 'none',
      beginCapture: () => null,
      cameraPose: () => ({ azimuth: 28, elevation: 38, distance: 20 }),
    };
  }
  const scene = new LabScene(container, canvas, renderer, lab, notices, overlay);
  return {
    frameView: () => scene.frameView(),
    toggleSplit: () => scene.toggleSplit(),
    resetView: () => scene.resetView(),
    container,
    surfaceState: () => (canvas.dataset.surface as 'none' | 'pending' | 'ready' | undefined) ?? 'none',
    beginCapture: (width, height) => scene.beginCapture(width, height),
    cameraPose: () => scene.cameraPose(),
  };
}

/** Whether WebGL runs on the CPU (SwiftShader, llvmpipe, Microsoft's Basic Render Driver), asked of a throwaway context. */
function softwareRenderer(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}
