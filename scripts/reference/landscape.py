"""Reference numbers for the landscape of CONTRACTS section 6, written on their own in plain Python.

- mlp: a small network's loss at given parameters (tanh hidden layers; softmax output with cross-entropy,
  sigmoid output with the squared error), from the layer formulas of CONTRACTS section 1;
- filterPlane: two Gaussian directions drawn from the seed's "directions" stream (4), each unit's incoming
  weights rescaled to their norm in the centre, biases zero (Li et al. 2018);
- pca: the first two principal directions of a small trajectory minus its last point (centred on the mean,
  as scikit-learn's PCA), by Jacobi rotations on the full covariance matrix; the shares of variance; the path
  as dot products with the directions; and the loss on a 3 x 3 grid of that plane.
Imported by reference.py, whose main() writes the result under "landscape".
"""
import math

DIRECTIONS = 4  # the engine's Stream.directions


def layer_offsets(layers):
    """(w, b, fan_in, fan_out) per layer: W (in x out, row-major) then b, as CONTRACTS section 1 orders them."""
    out, at = [], 0
    for fan_in, fan_out in zip(layers, layers[1:]):
        out.append((at, at + fan_in * fan_out, fan_in, fan_out))
        at += fan_in * fan_out + fan_out
    return out, at


def mlp_loss(layers, output, theta, xs, ys):
    """Mean over rows of cross-entropy (softmax) or of the squared error; hidden layers tanh."""
    offsets, _ = layer_offsets(layers)
    total = 0.0
    for x, y in zip(xs, ys):
        a = list(x)
        for l, (w, b, fan_in, fan_out) in enumerate(offsets):
            z = [theta[b + c] + sum(a[r] * theta[w + r * fan_out + c] for r in range(fan_in)) for c in range(fan_out)]
            if l < len(offsets) - 1:
                a = [math.tanh(v) for v in z]
            elif output == "softmax":
                top = max(z)
                exps = [math.exp(v - top) for v in z]
                s = sum(exps)
                total += -sum(yk * math.log(e / s) for yk, e in zip(y, exps))
            else:
                p = [1.0 / (1.0 + math.exp(-v)) for v in z]
                total += sum((pk - yk) ** 2 for pk, yk in zip(p, y))
    return total / len(xs)


def filter_direction(layers, center, rng):
    """One direction: a normal per parameter in order, then each unit's weights to the centre's norm, biases 0."""
    offsets, count = layer_offsets(layers)
    d = [rng.normal() for _ in range(count)]
    for w, b, fan_in, fan_out in offsets:
        for c in range(fan_out):
            unit = [w + r * fan_out + c for r in range(fan_in)]
            d_norm = math.sqrt(sum(d[q] ** 2 for q in unit))
            c_norm = math.sqrt(sum(center[q] ** 2 for q in unit))
            if c_norm > 0 and d_norm > 0:
                for q in unit:
                    d[q] *= c_norm / d_norm
            d[b + c] = 0.0
    return d


def jacobi(matrix):
    """Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations."""
    n = len(matrix)
    a = [row[:] for row in matrix]
    v = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for _ in range(100):
        off = sum(a[i][j] ** 2 for i in range(n) for j in range(n) if i != j)
        if off < 1e-40:
            break
        for p in range(n):
            for q in range(p + 1, n):
                if a[p][q] == 0.0:
                    continue
                theta = 0.5 * math.atan2(2 * a[p][q], a[q][q] - a[p][p])
                c, s = math.cos(theta), math.sin(theta)
                for k in range(n):
                    akp, akq = a[k][p], a[k][q]
                    a[k][p], a[k][q] = c * akp - s * akq, s * akp + c * akq
                for k in range(n):
                    apk, aqk = a[p][k], a[q][k]
                    a[p][k], a[q][k] = c * apk - s * aqk, s * apk + c * aqk
                for k in range(n):
                    vkp, vkq = v[k][p], v[k][q]
                    v[k][p], v[k][q] = c * vkp - s * vkq, s * vkp + c * vkq
    return [a[i][i] for i in range(n)], [[v[k][i] for k in range(n)] for i in range(n)]


def pca_plane(points, center):
    """Top two principal directions of points - center (mean-centred), signed so the largest component is > 0."""
    rows = [[p - c for p, c in zip(point, center)] for point in points]
    n, dim = len(rows), len(center)
    mean = [sum(r[q] for r in rows) / n for q in range(dim)]
    rows = [[r[q] - mean[q] for q in range(dim)] for r in rows]
    cov = [[sum(r[i] * r[j] for r in rows) for j in range(dim)] for i in range(dim)]
    values, vectors = jacobi(cov)
    order = sorted(range(dim), key=lambda i: -values[i])
    total = sum(r[q] ** 2 for r in rows for q in range(dim))
    directions = []
    for i in order[:2]:
        d = vectors[i]
        big = max(range(dim), key=lambda q: (abs(d[q]), -q))
        directions.append([-x for x in d] if d[big] < 0 else d)
    return directions, [values[order[0]] / total, values[order[1]] / total]


def landscape_reference(Rng):
    rng = Rng(2018, 7)
    xs = [[rng.normal(), rng.normal()] for _ in range(6)]
    classes = [[1.0, 0.0] if x[0] * x[1] > 0 else [0.0, 1.0] for x in xs]
    targets = [[1.0 if x[0] + x[1] > 0 else 0.0] for x in xs]
    mlp = []
    for layers, output, ys in [([2, 3, 2], "softmax", classes), ([2, 4, 3, 1], "sigmoid", targets)]:
        count = layer_offsets(layers)[1]
        theta = [rng.normal() for _ in range(count)]
        mlp.append({"layers": layers, "hidden": "tanh", "output": output, "x": xs, "y": ys,
                    "params": theta, "loss": mlp_loss(layers, output, theta, xs, ys)})

    layers = [2, 3, 1]
    count = layer_offsets(layers)[1]
    center = [rng.normal() for _ in range(count)]
    center[4] = center[1] = 0.0  # one unit's incoming weights all zero: its direction keeps its raw draw
    seed = 5
    directions = Rng(seed, DIRECTIONS)
    filter_plane = {"layers": layers, "center": center, "seed": seed,
                    "d1": filter_direction(layers, center, directions), "d2": filter_direction(layers, center, directions)}

    # A path of 7 points that narrows toward its last one, the center.
    start = [rng.normal() for _ in range(count)]
    wobble = [rng.normal() for _ in range(count)]
    end = [rng.normal() for _ in range(count)]
    points = []
    for k in range(7):
        f = (6 - k) / 6
        points.append([e + f * s + 0.3 * f * (1 - f) * w for s, w, e in zip(start, wobble, end)])
    (d1, d2), explained = pca_plane(points, end)
    path = [[sum((p - c) * u for p, c, u in zip(point, end, d1)), sum((p - c) * u for p, c, u in zip(point, end, d2))] for point in points]
    span, grid = 0.5, 3
    values = [span * ((2 * k) / (grid - 1) - 1) for k in range(grid)]
    loss = [[mlp_loss(layers, "sigmoid", [c + a * u + b * v for c, u, v in zip(end, d1, d2)], xs, targets) for a in values] for b in values]
    pca = {"layers": layers, "hidden": "tanh", "output": "sigmoid", "x": xs, "y": targets, "trajectory": points,
           "d1": d1, "d2": d2, "explained": explained, "path": path, "span": span, "grid": grid, "a": values, "loss": loss,
           "pathLoss": [mlp_loss(layers, "sigmoid", point, xs, targets) for point in points]}
    return {"mlp": mlp, "filterPlane": filter_plane, "pca": pca}
