#!/usr/bin/env python3
"""Independent reference for the TypeScript gradient-descent engine.

Writes src/engine/fixtures/reference.json (relative to the repository root),
or the path given as its one argument (scripts/reference/reference.test.ts
compares that with the committed file), so the engine's tests can compare
against values computed by a separate implementation.  Plain Python 3, standard library only.  Floating-point
expressions are written in the same order as the specification so results
agree to ~1e-12; do not "simplify" them.
"""
import json
import math
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from landscape import landscape_reference  # noqa: E402 (after the line above, on purpose)

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

# CONTRACTS sections 1 and 9: PyTorch's defaults (torch.optim), and Lion's (Chen et al. 2023).
DEFAULTS = {"gd": {"weightDecay": 0},
            "momentum": {"beta": 0.9, "weightDecay": 0, "dampening": 0},
            "nesterov": {"beta": 0.9, "weightDecay": 0, "dampening": 0},
            "adagrad": {"eps": 1e-10},
            "rmsprop": {"rho": 0.99, "eps": 1e-8, "momentum": 0, "centered": False},
            "adam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0, "amsgrad": False},
            "adamw": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.01},
            "nadam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "momentumDecay": 0.004},
            "radam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
            "lion": {"beta1": 0.9, "beta2": 0.99, "weightDecay": 0}}

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
        self.a, self.b, self.c = [0.0] * n, [0.0] * n, [0.0] * n   # state slots
        self.mu_product = 1.0                   # NAdam: the running product of mu_i
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
        if self.opt["kind"] == "nadam":
            o = self.opt
            self.mu_product = self.mu_product * (o["beta1"] * (1 - 0.5 * 0.96 ** (self.t * o["momentumDecay"])))
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
        """torch.optim's documented algorithms (the pseudo-code of each class's page), one component."""
        o, p, k, t = self.opt, self.p[i], self.opt["kind"], self.t
        if k == "gd":
            if o["weightDecay"] != 0:
                g = g + o["weightDecay"] * p
            return p - lr * g
        if k in ("momentum", "nesterov"):
            beta = o["beta"]
            if o["weightDecay"] != 0:
                g = g + o["weightDecay"] * p
            if t == 1:
                v = self.a[i] = g                  # torch: the buffer starts as a copy of the gradient
            else:
                v = self.a[i] = beta * self.a[i] + (1 - o["dampening"]) * g
            return p - lr * v if k == "momentum" else p - lr * (g + beta * v)
        if k == "adagrad":
            s = self.b[i] = self.b[i] + g * g
            return p - lr * g / (math.sqrt(s) + o["eps"])
        if k == "rmsprop":
            rho = o["rho"]
            s = self.b[i] = rho * self.b[i] + (1 - rho) * g * g
            vt = s
            if o["centered"]:
                avg = self.a[i] = rho * self.a[i] + (1 - rho) * g
                vt = vt - avg * avg
            den = math.sqrt(vt) + o["eps"]
            if o["momentum"] > 0:
                buf = self.c[i] = o["momentum"] * self.c[i] + g / den
                return p - lr * buf
            return p - lr * g / den
        if k in ("adam", "adamw"):
            b1, b2, eps = o["beta1"], o["beta2"], o["eps"]
            decayed = p
            if k == "adamw":
                decayed = p - lr * o["weightDecay"] * p
            elif o["weightDecay"] != 0:
                g = g + o["weightDecay"] * p
            m = self.a[i] = b1 * self.a[i] + (1 - b1) * g
            v = self.b[i] = b2 * self.b[i] + (1 - b2) * g * g
            if k == "adam" and o["amsgrad"]:
                v = self.c[i] = max(self.c[i], v)
            mhat = m / (1 - b1 ** t)
            vhat = v / (1 - b2 ** t)
            return decayed - lr * mhat / (math.sqrt(vhat) + eps)
        if k == "nadam":
            b1, b2, psi = o["beta1"], o["beta2"], o["momentumDecay"]
            mu = b1 * (1 - 0.5 * 0.96 ** (t * psi))
            mu_next = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
            product_next = self.mu_product * mu_next
            m = self.a[i] = b1 * self.a[i] + (1 - b1) * g
            v = self.b[i] = b2 * self.b[i] + (1 - b2) * g * g
            mhat = mu_next / (1 - product_next) * m + (1 - mu) / (1 - self.mu_product) * g
            vhat = v / (1 - b2 ** t)
            return p - lr * mhat / (math.sqrt(vhat) + o["eps"])
        if k == "radam":
            b1, b2 = o["beta1"], o["beta2"]
            m = self.a[i] = b1 * self.a[i] + (1 - b1) * g
            v = self.b[i] = b2 * self.b[i] + (1 - b2) * g * g
            mhat = m / (1 - b1 ** t)
            rho_inf = 2 / (1 - b2) - 1
            rho_t = rho_inf - 2 * t * b2 ** t / (1 - b2 ** t)
            if rho_t > 5:
                l = math.sqrt(1 - b2 ** t) / (math.sqrt(v) + o["eps"])
                r = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                return p - lr * mhat * r * l
            return p - lr * mhat
        if k == "lion":
            b1, b2 = o["beta1"], o["beta2"]
            p = p * (1 - lr * o["weightDecay"])
            c = b1 * self.a[i] + (1 - b1) * g
            self.a[i] = b2 * self.a[i] + (1 - b2) * g
            return p - lr * sign(c)
        raise ValueError(k)

def sign(x):
    return 1.0 if x > 0 else -1.0 if x < 0 else 0.0

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
    # CONTRACTS section 9: each rule and option issue 18 added, a few hundred steps on a test surface.
    added = [("gd weight decay", "rosenbrock", O("gd", 1e-3, weightDecay=0.1)),
             ("momentum dampening weight decay", "rosenbrock", O("momentum", 1e-4, dampening=0.3, weightDecay=0.05)),
             ("nesterov dampening weight decay", "beale", O("nesterov", 1e-3, beta=0.8, dampening=0.2, weightDecay=0.01)),
             ("rmsprop centered", "rosenbrock", O("rmsprop", 1e-3, centered=True)),
             ("rmsprop momentum", "beale", O("rmsprop", 1e-3, momentum=0.9)),
             ("rmsprop centered momentum", "himmelblau", O("rmsprop", 1e-3, rho=0.9, momentum=0.5, centered=True)),
             ("adam weight decay", "rosenbrock", O("adam", 1e-2, weightDecay=0.1)),
             ("adam amsgrad", "beale", O("adam", 0.05, amsgrad=True)),
             ("adamw", "rosenbrock", O("adamw", 1e-2)),
             ("adamw strong decay", "himmelblau", O("adamw", 0.05, weightDecay=0.5, beta2=0.99)),
             ("nadam", "rosenbrock", O("nadam", 1e-2)),
             ("nadam fast momentum decay", "beale", O("nadam", 0.02, momentumDecay=0.04)),
             ("radam", "rosenbrock", O("radam", 1e-2)),
             ("radam short memory", "himmelblau", O("radam", 0.05, beta2=0.9)),
             ("lion", "rosenbrock", O("lion", 1e-3)),
             ("lion weight decay", "beale", O("lion", 1e-3, weightDecay=0.5))]
    starts = {"rosenbrock": [-1.5, 2.0], "beale": [1.0, 1.5], "himmelblau": [0.0, 0.0]}
    for name, surface, o in added:
        cases.append(surface_case(name + " " + surface, surface, starts[surface], o, 300))
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

# ------------------------------------------------------------- data sets --
# The generators of src/engine/datasets/generators.ts, after TensorFlow Playground's src/dataset.ts, drawing
# from the data stream (Rng(seed, 1)) in the same order, noise draws included when noise is 0; then the
# held-out rows of src/engine/datasets/split.ts, shuffled on the same stream after the rows' draws.

def js_round(v):
    """JavaScript's Math.round for v >= 0 (halves up; Python's round() goes to even)."""
    r = math.floor(v)
    return r + 1 if v - r >= 0.5 else r

def rand_uniform(r, a, b):
    return r.uniform() * (b - a) + a

def dist(x, y, cx, cy):
    dx = x - cx
    dy = y - cy
    return math.sqrt(dx * dx + dy * dy)

def two_classes(n, point):
    """Class 1 first (n - n//2 rows), then class 0; targets one-hot [class 0, class 1]."""
    pos = n - n // 2
    rows = [point(1, i, pos) for i in range(pos)] + [point(0, i, n - pos) for i in range(n - pos)]
    return [[a, b] for a, b, _ in rows], [[1.0, 0.0] if c == 0 else [0.0, 1.0] for _, _, c in rows]

def gen_circle(n, noise, r):
    radius = 5.0
    def point(label, i, count):
        rad = rand_uniform(r, 0.0, radius * 0.5) if label == 1 else rand_uniform(r, radius * 0.7, radius)
        angle = rand_uniform(r, 0.0, 2 * math.pi)
        x = rad * math.sin(angle)
        y = rad * math.cos(angle)
        nx = rand_uniform(r, -radius, radius) * noise
        ny = rand_uniform(r, -radius, radius) * noise
        return x, y, 1 if dist(x + nx, y + ny, 0.0, 0.0) < radius * 0.5 else 0
    return two_classes(n, point)

def gen_xor(n, noise, r):
    xs, ys = [], []
    for _ in range(n):
        x = rand_uniform(r, -5.0, 5.0)
        x += 0.3 if x > 0 else -0.3
        y = rand_uniform(r, -5.0, 5.0)
        y += 0.3 if y > 0 else -0.3
        nx = rand_uniform(r, -5.0, 5.0) * noise
        ny = rand_uniform(r, -5.0, 5.0) * noise
        xs.append([x, y])
        ys.append([0.0, 1.0] if (x + nx) * (y + ny) >= 0 else [1.0, 0.0])
    return xs, ys

def gen_gauss(n, noise, r):
    sd = math.sqrt(0.5 + 7 * noise)
    def point(label, i, count):
        c = 2.0 if label == 1 else -2.0
        x = c + sd * r.normal()
        y = c + sd * r.normal()
        return x, y, label
    return two_classes(n, point)

def gen_spiral(n, noise, r):
    def point(label, i, count):
        rad = i / count * 5
        t = 1.75 * i / count * 2 * math.pi + (0.0 if label == 1 else math.pi)
        x = rad * math.sin(t) + rand_uniform(r, -1.0, 1.0) * noise
        y = rad * math.cos(t) + rand_uniform(r, -1.0, 1.0) * noise
        return x, y, label
    return two_classes(n, point)

BUMPS = [(-4.0, 2.5, 1), (0.0, 2.5, -1), (4.0, 2.5, 1), (-4.0, -2.5, -1), (0.0, -2.5, 1), (4.0, -2.5, -1)]

def bump_target(a, b):
    target = 0.0
    for cx, cy, sign in BUMPS:
        value = sign * max(0.0, 1 - dist(a, b, cx, cy) / 2)
        if abs(value) > abs(target):
            target = value
    return target

def gen_regression(n, noise, r, target):
    xs, ys = [], []
    for _ in range(n):
        x = rand_uniform(r, -6.0, 6.0)
        y = rand_uniform(r, -6.0, 6.0)
        nx = rand_uniform(r, -6.0, 6.0) * noise
        ny = rand_uniform(r, -6.0, 6.0) * noise
        xs.append([x, y])
        ys.append([target(x + nx, y + ny)])
    return xs, ys

GENERATORS = {
    "circle": gen_circle, "xor": gen_xor, "gauss": gen_gauss, "spiral": gen_spiral,
    "plane": lambda n, noise, r: gen_regression(n, noise, r, lambda a, b: (a + b) / 10),
    "gauss-mix": lambda n, noise, r: gen_regression(n, noise, r, bump_target),
}

def held_out(n, test, r):
    """The held-out row indices, ascending: the first round(test*n) of a shuffle of 0..n-1."""
    k = js_round(test * n)
    if k == 0:
        return []
    order = list(range(n))
    r.shuffle(order)
    return sorted(order[:k])

def dataset_cases():
    cases = []
    for generate, n, noise, test, seed in [("circle", 25, 0.0, 0.0, 0), ("circle", 24, 0.3, 0.25, 7),
                                           ("xor", 25, 0.0, 0.0, 1), ("xor", 30, 0.5, 0.2, 2),
                                           ("gauss", 25, 0.0, 0.0, 3), ("gauss", 20, 0.4, 0.3, -5),
                                           ("spiral", 25, 0.0, 0.0, 4), ("spiral", 40, 0.2, 0.1, 5),
                                           ("plane", 25, 0.0, 0.0, 6), ("plane", 20, 1.0, 0.5, 8),
                                           ("gauss-mix", 25, 0.0, 0.0, 9), ("gauss-mix", 30, 0.25, 0.2, 10)]:
        r = Rng(seed, 1)
        xs, ys = GENERATORS[generate](n, noise, r)
        held = held_out(n, test, r)
        train = [i for i in range(n) if i not in held]
        cases.append({"spec": {"generate": generate, "n": n, "noise": noise, "test": test}, "seed": seed,
                      "x": [xs[i] for i in train], "y": [ys[i] for i in train],
                      "testX": [xs[i] for i in held], "testY": [ys[i] for i in held]})
    # Iris (150 rows) is shipped, not generated: only which rows are held out.
    iris = [{"test": test, "seed": seed, "heldOut": held_out(150, test, Rng(seed, 1))}
            for test, seed in [(0.2, 0), (0.3, 42)]]
    return {"generated": cases, "iris": iris}

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
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "src", "engine", "fixtures", "reference.json")
    data = {"rng": rng_fixtures(), "optimizers": optimizer_cases(), "noisyLine": noisy_line(),
            "datasets": dataset_cases(), "landscape": landscape_reference(Rng)}
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as fh:
        json.dump(finite_or_null(data), fh, allow_nan=False)
        fh.write("\n")
    for c in data["optimizers"]:
        last = c["params"][-1] if c["params"] else c["start"]
        print(f"{c['name']:<28} {c['status']:<9} {str(c['reason']):<10} at={str(c['stopStep']):<5} steps={c['stepsTaken']:<5} p={last}")
    for c in data["noisyLine"]["cases"]:
        print(f"{c['name']:<26} final={c['final']['params']} loss={c['final']['loss']:.6g}")
    for c in data["datasets"]["generated"]:
        print(f"{c['spec']['generate']:<10} n={c['spec']['n']:<3} train={len(c['x']):<3} test={len(c['testX']):<3} seed={c['seed']}")
    print("wrote", out)

if __name__ == "__main__":
    main()
