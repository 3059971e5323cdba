/**
 * The loss surface: a lit mesh over the sampled grid, coloured by height with viridis, standing on a dark
 * skirt down to the floor so that it reads as a solid block (and its underside never shows). Rebuilt only
 * when a new grid arrives (a load or a new view); the old geometry is disposed then.
 */
import { BufferAttribute, BufferGeometry, DoubleSide, Group, Mesh, MeshStandardMaterial } from 'three';
import { srgbToLinear, viridis } from './colormap';
import { gridIndices } from './grid';
import { floorY, sceneHeight, type Layout } from './layout';

const rgb = new Float32Array(3);

export class SurfaceMesh {
  /** The surface and its skirt. */
  readonly group = new Group();
  /** The surface alone (what a click can hit). */
  readonly mesh: Mesh<BufferGeometry, MeshStandardMaterial>;
  private readonly skirt: Mesh<BufferGeometry, MeshStandardMaterial>;

  constructor() {
    const material = new MeshStandardMaterial({
      vertexColors: true,
      roughness: 0.72,
      metalness: 0,
      side: DoubleSide,
      // Pushed back in depth, so that contour lines and particles drawn on it always win.
      polygonOffset: true,
      polygonOffsetFactor: 1,
      polygonOffsetUnits: 2,
    });
    this.mesh = new Mesh(new BufferGeometry(), material);
    this.mesh.name = 'surface';
    this.skirt = new Mesh(new BufferGeometry(), new MeshStandardMaterial({ color: 0x1a212b, roughness: 0.9, metalness: 0, side: DoubleSide }));
    this.skirt.name = 'skirt';
    this.group.add(this.mesh, this.skirt);
    this.group.visible = false;
  }

  /** Builds the mesh for a grid of normalised heights (resolution² values, a fastest). */
  show(layout: Layout, heights: Float32Array): void {
    const res = layout.resolution;
    const count = res * res;
    const positions = new Float32Array(count * 3);
    const colours = new Float32Array(count * 3);
    for (let v = 0; v < res; v++) {
      const z = layout.zOfV(v);
      for (let u = 0; u < res; u++) {
        const k = v * res + u;
        const h = heights[k];
        positions[3 * k] = layout.xOfU(u);
        positions[3 * k + 1] = h * sceneHeight;
        positions[3 * k + 2] = z;
        viridis(h, rgb);
        // three.js takes vertex colours as linear light.
        colours[3 * k] = srgbToLinear(rgb[0]);
        colours[3 * k + 1] = srgbToLinear(rgb[1]);
        colours[3 * k + 2] = srgbToLinear(rgb[2]);
      }
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setAttribute('color', new BufferAttribute(colours, 3));
    geometry.setIndex(new BufferAttribute(gridIndices(res), 1));
    geometry.computeVertexNormals();
    geometry.computeBoundingSphere();
    this.mesh.geometry.dispose();
    this.mesh.geometry = geometry;
    this.skirt.geometry.dispose();
    this.skirt.geometry = skirtGeometry(positions, res);
    this.group.visible = true;
  }

  get visible(): boolean {
    return this.group.visible;
  }

  dispose(): void {
    for (const mesh of [this.mesh, this.skirt]) {
      mesh.geometry.dispose();
      mesh.material.dispose();
    }
  }
}

/** Walls from the surface's four edges down to the floor: a strip of quads per edge. */
function skirtGeometry(surface: Float32Array, res: number): BufferGeometry {
  const edges: ((k: number) => number)[] = [
    (k) => k, // b = bmin (front)
    (k) => k * res + res - 1, // a = amax (right)
    (k) => (res - 1) * res + (res - 1 - k), // b = bmax (back)
    (k) => (res - 1 - k) * res, // a = amin (left)
  ];
  const positions = new Float32Array(edges.length * res * 2 * 3);
  const indices: number[] = [];
  let v = 0;
  for (const edge of edges) {
    const first = v;
    for (let k = 0; k < res; k++) {
      const p = 3 * edge(k);
      positions.set([surface[p], surface[p + 1], surface[p + 2], surface[p], floorY, surface[p + 2]], 6 * v);
      v++;
      if (k > 0) {
        const a = 2 * (first + k - 1);
        const b = 2 * (first + k);
        indices.push(a, a + 1, b, b, a + 1, b + 1);
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setIndex(indices);
  geometry.computeVertexNormals();
  return geometry;
}
