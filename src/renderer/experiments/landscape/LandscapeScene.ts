/**
 * The Landscape view's own small 3D scene: the slice drawn with the lab's SurfaceMesh (the same layout,
 * colours and lights as the main scene), each path as a line on it, and a marker on a path. It orbits like
 * the main scene (../../scene/View.ts) and draws only when something changed.
 */
import {
  AmbientLight,
  BufferAttribute,
  BufferGeometry,
  DirectionalLight,
  HemisphereLight,
  Line,
  LineBasicMaterial,
  Mesh,
  MeshBasicMaterial,
  Scene,
  SphereGeometry,
  WebGLRenderer,
} from 'three';
import { SurfaceMesh } from '../../scene/SurfaceMesh';
import { View } from '../../scene/View';
import type { SliceShape } from './geometry';

const background = 0x10141a;

/** One path to draw: scene points (three numbers a point) and a CSS colour. */
export interface DrawnPath {
  points: Float32Array;
  colour: string;
}

export class LandscapeScene {
  private readonly scene = new Scene();
  private readonly surface = new SurfaceMesh();
  private readonly view: View;
  private readonly lines: Line<BufferGeometry, LineBasicMaterial>[] = [];
  private readonly marker = new Mesh(new SphereGeometry(0.13, 16, 12), new MeshBasicMaterial({ color: 0xffffff }));
  private scheduled = false;

  private constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly renderer: WebGLRenderer,
  ) {
    renderer.setClearColor(background, 1);
    this.view = new View(canvas, () => this.invalidate());
    this.scene.add(this.surface.group, this.marker);
    this.marker.visible = false;
    this.scene.add(new HemisphereLight(0xe8eeff, 0x20242c, 1.4), new AmbientLight(0xffffff, 0.25));
    const key = new DirectionalLight(0xffffff, 1.9);
    key.position.set(6, 11, 8);
    const rim = new DirectionalLight(0xb8c8ff, 0.5);
    rim.position.set(-8, 5, -7);
    this.scene.add(key, rim);
    canvas.dataset.surface = 'none';
    canvas.dataset.paths = '0';
  }

  /** A scene on `canvas` at width × height CSS pixels; null without WebGL (the view then says so). */
  static create(canvas: HTMLCanvasElement, width: number, height: number): LandscapeScene | null {
    let renderer: WebGLRenderer;
    try {
      // preserveDrawingBuffer: the picture stays readable after it is shown (tests read it back).
      renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    } catch {
      return null;
    }
    renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    renderer.setSize(width, height, false);
    const scene = new LandscapeScene(canvas, renderer);
    scene.view.resize(width, height);
    scene.invalidate();
    return scene;
  }

  /** Draws a new slice and its paths, and takes the marker away. */
  show(shape: SliceShape, paths: readonly DrawnPath[]): void {
    this.surface.show(shape.layout, shape.heights);
    for (const line of this.lines.splice(0)) {
      this.scene.remove(line);
      line.geometry.dispose();
      line.material.dispose();
    }
    for (const { points, colour } of paths) {
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(points, 3));
      const line = new Line(geometry, new LineBasicMaterial({ color: colour, depthTest: false, transparent: true }));
      line.renderOrder = 2; // over the surface, where a path dips behind a ridge
      this.lines.push(line);
      this.scene.add(line);
    }
    this.marker.visible = false;
    this.canvas.dataset.surface = 'ready';
    this.canvas.dataset.paths = String(paths.length);
    this.view.reset();
    this.invalidate();
  }

  /** Puts the marker at a scene point (x, y, z); null hides it. */
  mark(point: [number, number, number] | null): void {
    this.marker.visible = point !== null;
    if (point) this.marker.position.set(...point);
    this.invalidate();
  }

  invalidate(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      const moving = this.view.update();
      this.renderer.render(this.scene, this.view.camera);
      if (moving) this.invalidate();
    });
  }
}
