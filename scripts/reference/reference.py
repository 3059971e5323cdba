#!/usr/bin/env python3
"""Independent reference for the TypeScript gradient-descent engine.

Writes src/engine/fixtures/reference.json (relative to the repository root)
so the engine's tests can compare against values computed by a separate
implementation.  Plain Python 3, standard library only.  Floating-point
expressions are written in the same order as the specification so results
agree to ~1e-12; do not "simplify" them.
"""
import json
import math
import os

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
GOLDEN = 0x9E3779B97F4A7C15
INF = math.inf

# ---------------------------------------------------------------- random --

class Rng:
    """xoshiro128** seeded by SplitMix64, so every stream is reproducible."""

    def __init__(self, seed, stream):
        self.z = (seed % (1 << 64)) ^ ((stream * GOLDEN) & M64)
        a, b = self._splitmix(), self._splitmix()
        self.s = [a & M32, a >> 32, b & M32, b >> 32]
        if self.s == [0, 0, 0, 0]:
            self.s[0] = 1

    def _splitmix(self):
        self.z = (self.z + GOLDEN) & M64
        r = self.z
        r = ((r ^ (r >> 30)) * 0xBF58476D1CE4E5B9) & M64
        r = ((r ^ (r >> 27)) * 0x94D049BB133111EB) & M64
        return r ^ (r >> 31)

    def next(self):
        """One 32-bit unsigned output."""
        s = self.s
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def uniform(self):
        """53-bit double in [0, 1) from two draws."""
        a = self.next() >> 5
        b = self.next() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def normal(self):
        """Box-Muller, one value per call (no caching, so draws stay aligned)."""
        u1 = 1.0 - self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def shuffle(self, order):
        """In-place Fisher-Yates, from the end down to index 1."""
        for i in range(len(order) - 1, 0, -1):
            j = math.floor(self.uniform() * (i + 1))
            order[i], order[j] = order[j], order[i]

def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32

def rng_fixtures():
    out = []
    for seed, stream in [(0, 1), (0, 2), (42, 3), (-7, 1), (123456789, 2)]:
        r = Rng(seed, stream)
        out.append({"seed": seed, "stream": stream, "u32": [r.next() for _ in range(8)],
                    "uniform": [r.uniform() for _ in range(5)],
                    "normal": [r.normal() for _ in range(5)]})
    return out

# -------------------------------------------------------------- surfaces --

def bowl(x, y):
    a, b = x - 1, y - 2
    return a * a + b * b, [2 * a, 2 * b]

def rosenbrock(x, y):
    a = 1 - x
    b = y - x * x
    return a * a + 100 * b * b, [-2 * a - 400 * x * b, 200 * b]

def beale(x, y):
    y2, y3 = y * y, y * y * y
    a = 1.5 - x + x * y
    b = 2.25 - x + x * y2
    c = 2.625 - x + x * y3
    gx = 2 * a * (y - 1) + 2 * b * (y2 - 1) + 2 * c * (y3 - 1)
    gy = 2 * a * x + 2 * b * (2 * x * y) + 2 * c * (3 * x * y2)
    return a * a + b * b + c * c, [gx, gy]

def himmelblau(x, y):
    a = x * x + y - 11
    b = x + y * y - 7
    return a * a + b * b, [4 * x * a + 2 * b, 2 * a + 4 * y * b]

def saddle(x, y):
    return x * x - y * y, [2 * x, -2 * y]

def rastrigin(x, y):
    tau = 2 * math.pi
    f = 20 + x * x - 10 * math.cos(tau * x) + y * y - 10 * math.cos(tau * y)
    return f, [2 * x + 10 * tau * math.sin(tau * x),
               2 * y + 10 * tau * math.sin(tau * y)]

def valley(x, y):
    return 0.1 * x * x + 2 * y * y, [0.2 * x, 4 * y]

def booth(x, y):
    a = x + 2 * y - 7
    b = 2 * x + y - 5
    return a * a + b * b, [2 * a + 4 * b, 4 * a + 2 * b]

SURFACES = {f.__name__: f for f in
            (bowl, rosenbrock, beale, himmelblau, saddle, rastrigin, valley, booth)}

# ------------------------------------------------------------- optimizer --

DEFAULTS = {"gd": {}, "momentum": {"beta": 0.9}, "nesterov": {"beta": 0.9},
            "adagrad": {"eps": 1e-10}, "rmsprop": {"rho": 0.99, "eps": 1e-8},
            "adam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}}

def make_opt(kind, alpha, schedule=None, **settings):
    """Optimizer description with every default written out (fixture form)."""
    opt = {"kind": kind, "alpha": alpha}
    opt.update(DEFAULTS[kind])
    opt.update(settings)
    if schedule is not None:
        opt["schedule"] = schedule
    return opt

def learning_rate(opt, t):
    """Scheduled rate for step t (t counts from 1), warm-up applied last."""
    alpha, sch = opt["alpha"], opt.get("schedule")
    if sch is None:
        return alpha
    kind = sch["kind"]
    if kind == "constant":
        lr = alpha
    elif kind == "step":
        lr = alpha * sch["gamma"] ** ((t - 1) // sch["every"])
    elif kind == "exponential":
        lr = alpha * sch["gamma"] ** (t - 1)
    elif kind == "cosine":
        T, lo = sch["steps"], sch["min"]
        lr = lo + (alpha - lo) * (1 + math.cos(math.pi * min(t - 1, T) / T)) / 2
    else:
        raise ValueError(kind)
    w = sch.get("warmup")
    if w is not None and t <= w:
        lr = lr * t / w
    return lr

# CONTRACTS section 5: the stop rules, each off when None; the lab's default divergence threshold is 1e100.
DEFAULT_STOP = {"belowLoss": None, "gradNorm": None, "patience": None, "minDelta": 0, "divergence": 1e100}
CONVERGED = ("tolerance", "belowLoss", "gradNorm", "patience")

class Particle:
    """Parameters plus optimizer state; step() follows the spec's 7 stages."""

    def __init__(self, start, opt, clip=None, freeze=(), tolerance=None, stop=None):
        self.p = list(map(float, start))
        self.opt, self.clip, self.freeze, self.tol = opt, clip, set(freeze), tolerance
        self.stop = dict(DEFAULT_STOP, **(stop or {}))
        n = len(self.p)
        self.a, self.b = [0.0] * n, [0.0] * n   # first / second state slots
        self.t, self.prev, self.status = 0, INF, "running"
        self.best, self.wait = INF, 0           # patience: best loss so far, steps without improving on it
        self.reason, self.stop_step = None, None

    def step(self, loss_grad):
        """Apply one update; returns the loss before it, or None if stopped."""
        L, g = loss_grad(self.p)
        reason = self._loss_reason(L)
        if reason is not None:
            return self._halt(reason, self.t + 1)
        g = [0.0 if i in self.freeze else gi for i, gi in enumerate(g)]
        if self.stop["gradNorm"] is not None:
            norm = 0.0
            for gi in g:
                norm += gi * gi
            if math.sqrt(norm) <= self.stop["gradNorm"]:
                return self._halt("gradNorm", self.t + 1)
        g = self._clip(g)
        self.t += 1
        lr = learning_rate(self.opt, self.t)
        for i in range(len(self.p)):
            self.p[i] = self._update(i, g[i], lr)
        if not all(math.isfinite(v) for v in self.p):
            self._halt("nonFinite", self.t)
        self.prev = L
        return L

    def _loss_reason(self, L):
        """Which rule the step's loss stops the particle by, in the order section 5 gives them, or None."""
        s = self.stop
        if not math.isfinite(L):
            return "nonFinite"
        if s["divergence"] is not None and L >= s["divergence"]:
            return "divergence"
        if self.tol is not None and abs(L - self.prev) < self.tol:
            return "tolerance"
        if s["belowLoss"] is not None and L <= s["belowLoss"]:
            return "belowLoss"
        if s["patience"] is not None:
            # Lightning's EarlyStopping, mode "min": an improvement is current - min_delta < best with
            # min_delta stored negated, i.e. L + minDelta < best.
            if L + s["minDelta"] < self.best:
                self.best, self.wait = L, 0
            else:
                self.wait += 1
                if self.wait >= s["patience"]:
                    return "patience"
        return None

    def _halt(self, reason, step):
        self.status = "converged" if reason in CONVERGED else "diverged"
        self.reason, self.stop_step = reason, step
        return None

    def _clip(self, g):
        if self.clip is None:
            return g
        c = self.clip["limit"]
        if self.clip["mode"] == "value":
            return [min(max(gi, -c), c) for gi in g]
        norm = 0.0
        for gi in g:
            norm += gi * gi
        norm = math.sqrt(norm)
        scale = 1.0 if norm == 0 else min(1.0, c / norm)
        return [gi * scale for gi in g]

    def _update(self, i, g, lr):
        o, p, k, t = self.opt, self.p[i], self.opt["kind"], self.t
        if k == "gd":
            return p - lr * g
        if k in ("momentum", "nesterov"):
            beta = o["beta"]
            v = self.a[i] = beta * self.a[i] + g
            return p - lr * v if k == "momentum" else p - lr * (g + beta * v)
        if k == "adagrad":
            s = self.b[i] = self.b[i] + g * g
            return p - lr * g / (math.sqrt(s) + o["eps"])
        if k == "rmsprop":
            rho = o["rho"]
            s = self.b[i] = rho * self.b[i] + (1 - rho) * g * g
            return p - lr * g / (math.sqrt(s) + o["eps"])
        if k == "adam":
            b1, b2 = o["beta1"], o["beta2"]
            m = self.a[i] = b1 * self.a[i] + (1 - b1) * g
            v = self.b[i] = b2 * self.b[i] + (1 - b2) * g * g
            mhat = m / (1 - b1 ** t)
            vhat = v / (1 - b2 ** t)
            return p - lr * mhat / (math.sqrt(vhat) + o["eps"])
        raise ValueError(k)

# ------------------------------------------------------- optimizer cases --

def surface_case(name, surface, start, opt, steps, clip=None, freeze=(), tolerance=None, stop=None):
    """Run one particle on a surface until it stops or `steps` updates."""
    part = Particle(start, opt, clip, freeze, tolerance, stop)
    params, losses = [], []
    for _ in range(steps):
        L = part.step(lambda p: SURFACES[surface](*p))
        if L is None:
            break
        params.append(list(part.p))
        losses.append(L)
        if part.status != "running":
            break
    return {"name": name, "surface": surface, "start": list(start), "optimizer": opt,
            "clip": clip, "freeze": list(freeze), "tolerance": tolerance, "stop": part.stop, "steps": steps,
            "params": params, "loss": losses, "status": part.status, "stepsTaken": part.t,
            "reason": part.reason, "stopStep": part.stop_step}

def optimizer_cases():
    O = make_opt
    cases = []
    rosen = [O("gd", 1e-3), O("momentum", 1e-4), O("nesterov", 1e-4),
             O("adagrad", 0.1), O("rmsprop", 1e-3), O("adam", 1e-2)]
    for o in rosen:
        cases.append(surface_case(o["kind"] + " rosenbrock", "rosenbrock", [-1.5, 2.0], o, 200))
    bea = [O("gd", 1e-3), O("momentum", 1e-3), O("nesterov", 1e-3),
           O("adagrad", 0.1), O("rmsprop", 1e-2), O("adam", 0.05)]
    for o in bea:
        cases.append(surface_case(o["kind"] + " beale", "beale", [1.0, 1.5], o, 100))
    himm = [O("momentum", 0.01, beta=0.5), O("nesterov", 0.01, beta=0.7),
            O("adagrad", 0.5, eps=1e-6), O("rmsprop", 0.01, rho=0.9, eps=1e-6),
            O("adam", 0.1, beta1=0.8, beta2=0.99, eps=1e-6)]
    for o in himm:
        cases.append(surface_case(o["kind"] + " custom himmelblau", "himmelblau", [0.0, 0.0], o, 100))
    for mode in ("value", "norm"):
        cases.append(surface_case("clip " + mode, "rosenbrock", [-1.5, 2.0], O("gd", 0.01), 100,
                                  clip={"mode": mode, "limit": 1.0}))
    cases.append(surface_case("freeze x adam", "bowl", [0.0, 0.0], O("adam", 0.1), 50, freeze=[0]))
    cases.append(surface_case("freeze y momentum", "valley", [3.0, 1.0], O("momentum", 0.05), 50,
                              freeze=[1]))
    schedules = [("step", {"kind": "step", "every": 10, "gamma": 0.5}),
                 ("exponential", {"kind": "exponential", "gamma": 0.97}),
                 ("cosine", {"kind": "cosine", "steps": 50, "min": 1e-4}),
                 ("warmup", {"kind": "constant", "warmup": 10}),
                 ("cosine warmup", {"kind": "cosine", "steps": 50, "min": 1e-4, "warmup": 5})]
    for label, sch in schedules:
        cases.append(surface_case("schedule " + label, "valley", [3.0, 1.0],
                                  O("gd", 0.2, schedule=sch), 60))
    cases.append(surface_case("adam rastrigin", "rastrigin", [2.3, -1.7], O("adam", 0.05), 100))
    # y grows by 1.2x per step from 1e-3; the loss -y*y overflows to -inf
    # only after ~1990 steps, so 300 steps would still be "running".
    cases.append(surface_case("saddle diverges", "saddle", [1.0, 1e-3], O("gd", 0.1), 3000))
    # alpha 1.5 doubles the distance each step, so the loss 5*4^k passes the default 1e100 at step 164;
    # with the threshold off it runs on until the numbers overflow (the non-finite test).
    cases.append(surface_case("bowl diverges", "bowl", [0.0, 0.0], O("gd", 1.5), 5000))
    cases.append(surface_case("bowl diverges, threshold off", "bowl", [0.0, 0.0], O("gd", 1.5), 5000,
                              stop={"divergence": None}))
    # Issue 14's case: alpha 5 multiplies the loss 5 by 81 a step.
    cases.append(surface_case("bowl alpha 5", "bowl", [0.0, 0.0], O("gd", 5.0), 100))
    cases.append(surface_case("bowl divergence 1e6", "bowl", [0.0, 0.0], O("gd", 1.5), 100,
                              stop={"divergence": 1e6}))
    cases.append(surface_case("bowl below loss", "bowl", [0.0, 0.0], O("gd", 0.1), 1000,
                              stop={"belowLoss": 1e-6}))
    cases.append(surface_case("bowl grad norm", "bowl", [0.0, 0.0], O("gd", 0.1), 1000,
                              stop={"gradNorm": 1e-3}))
    cases.append(surface_case("bowl patience", "bowl", [0.0, 0.0], O("gd", 0.1), 1000,
                              stop={"patience": 3, "minDelta": 1e-4}))
    cases.append(surface_case("rastrigin adam patience", "rastrigin", [2.3, -1.7], O("adam", 0.05), 1000,
                              stop={"patience": 20}))
    cases.append(surface_case("valley grad norm, clipped", "valley", [3.0, 1.0], O("momentum", 0.05), 1000,
                              clip={"mode": "norm", "limit": 0.5}, freeze=[1], stop={"gradNorm": 0.01}))
    cases.append(surface_case("bowl tolerance", "bowl", [0.0, 0.0], O("gd", 0.1), 1000,
                              tolerance=1e-12))
    cases.append(surface_case("nesterov booth", "booth", [0.0, 0.0], O("nesterov", 0.01), 100))
    return cases

# ------------------------------------------------------------ noisy line --

def noisy_line_data(n=100, xmin=0.0, xmax=100.0, slope=2.0, intercept=1.0, noise=20.0, seed=0):
    r = Rng(seed, 1)
    xs = [xmin + (xmax - xmin) * i / (n - 1) for i in range(n)]
    ys = [slope * x + intercept + noise * r.normal() for x in xs]
    return xs, ys

def mse(xs, ys, idx):
    """Loss and gradient of the line b + w*x over rows idx (in that order)."""
    def loss_grad(p):
        b, w = p
        m = len(idx)
        sl = sr = srx = 0.0
        for i in idx:
            r = b + w * xs[i] - ys[i]
            sl += r * r
            sr += r
            srx += r * xs[i]
        return 1 / m * sl, [2 / m * sr, 2 / m * srx]
    return loss_grad

def line_case(name, xs, ys, alpha, epochs, batch=None, drop_last=False, clip=None,
              start=(4.0, 4.0), every=None):
    """Train the line; checkpoint every `every` steps, or after each epoch."""
    n = len(xs)
    part = Particle(start, make_opt("gd", alpha), clip)
    shuffler = Rng(0, 3)
    checkpoints = []
    for _ in range(epochs):
        if batch is None:
            batches = [list(range(n))]
        else:
            order = list(range(n))
            shuffler.shuffle(order)
            stop = n - n % batch if drop_last else n
            batches = [order[k:k + batch] for k in range(0, stop, batch)]
        for idx in batches:
            if part.step(mse(xs, ys, idx)) is None or part.status != "running":
                break
            if every is not None and part.t % every == 0:
                checkpoints.append({"step": part.t, "params": list(part.p)})
        if every is None:
            checkpoints.append({"step": part.t, "params": list(part.p)})
        if part.status != "running":
            break
    final_loss = mse(xs, ys, list(range(n)))(part.p)[0]
    return {"name": name, "batchSize": batch, "dropLast": drop_last, "clip": clip,
            "alpha": alpha, "start": list(start), "epochs": epochs,
            "checkpoints": checkpoints, "final": {"params": list(part.p), "loss": final_loss}}

def noisy_line():
    xs, ys = noisy_line_data()
    clip = {"mode": "value", "limit": 1000.0}
    cases = [line_case("full-batch clip", xs, ys, 0.0005, 1000, clip=clip, every=100),
             line_case("mini-batch clip", xs, ys, 0.0005, 50, batch=10, clip=clip),
             line_case("mini-batch drop-last", xs, ys, 0.0001, 20, batch=30, drop_last=True)]
    return {"data": {"x": xs, "y": ys}, "cases": cases}

# ------------------------------------------------------------------ main --

def finite_or_null(v):
    """JSON has no NaN/Infinity: write them as null."""
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, list):
        return [finite_or_null(x) for x in v]
    if isinstance(v, dict):
        return {k: finite_or_null(x) for k, x in v.items()}
    return v

def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    out = os.path.join(root, "src", "engine", "fixtures", "reference.json")
    data = {"rng": rng_fixtures(), "optimizers": optimizer_cases(), "noisyLine": noisy_line()}
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as fh:
        json.dump(finite_or_null(data), fh, allow_nan=False)
        fh.write("\n")
    for c in data["optimizers"]:
        last = c["params"][-1] if c["params"] else c["start"]
        print(f"{c['name']:<28} {c['status']:<9} {str(c['reason']):<10} at={str(c['stopStep']):<5} steps={c['stepsTaken']:<5} p={last}")
    for c in data["noisyLine"]["cases"]:
        print(f"{c['name']:<26} final={c['final']['params']} loss={c['final']['loss']:.6g}")
    print("wrote", out)

if __name__ == "__main__":
    main()
