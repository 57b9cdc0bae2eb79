"""PyTorch half of bench/train-vs-pytorch, and the comparison it prints.

usage: train_vs_pytorch.py torch DIR REPEATS NET   times PyTorch on NET, appends to DIR/torch.tsv
       train_vs_pytorch.py lbfgs DIR REPEATS NET ITERATIONS
                                                    times torch.optim.LBFGS (full batch, strong
                                                    Wolfe, history 50) on NET, DIR/torch-lbfgs.tsv
       train_vs_pytorch.py report DIR NET...        prints the comparison with DIR/ours-*.tsv

For NET (e.g. 6-8-8-1) reads DIR/NET.bin, written by the Java side (TrainVsPytorch prepare):
the train split already standardised exactly as axnas' Trainer scales it, the Xavier initial
weights Trainer.train draws from the seed, and every epoch's minibatch order. PyTorch trains the
same network (sigmoid hidden layers, linear output, MSE, Adam lr 0.01, batch 256) from those
weights in that order, so both frameworks do the same work and their final losses must agree.
Timed: the training loop only (tensors prepared beforehand), best thread count of 1 and 2,
median of REPEATS runs after one warm-up run. The shell script times our side of each network
just before PyTorch's, so both see about the same load on a shared machine.
"""
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def load(path):
    raw = open(path, "rb").read()
    head = np.frombuffer(raw, dtype="<i4", count=4)
    n, epochs, batch, layers = (int(v) for v in head)
    widths = [int(v) for v in np.frombuffer(raw, dtype="<i4", count=layers, offset=16)]
    off = 16 + 4 * layers

    def floats(count):
        nonlocal off
        a = np.frombuffer(raw, dtype="<f4", count=count, offset=off)
        off += 4 * count
        return a

    x = floats(n * widths[0]).reshape(n, widths[0])
    y = floats(n * widths[-1]).reshape(n, widths[-1])
    params = []
    for k, m in zip(widths[:-1], widths[1:]):
        w = floats(k * m).reshape(k, m)  # [in][out], as axnas stores it
        b = floats(m)
        params.append((w, b))
    orders = np.frombuffer(raw, dtype="<i4", count=epochs * n, offset=off).reshape(epochs, n)
    return dict(n=n, epochs=epochs, batch=batch, widths=widths, x=x, y=y, params=params, orders=orders)


def build(d):
    mods = []
    w = d["widths"]
    for i in range(len(w) - 1):
        mods.append(torch.nn.Linear(w[i], w[i + 1]))
        if i < len(w) - 2:
            mods.append(torch.nn.Sigmoid())
    model = torch.nn.Sequential(*mods)
    with torch.no_grad():
        for lin, (wt, b) in zip([m for m in mods if isinstance(m, torch.nn.Linear)], d["params"]):
            lin.weight.copy_(torch.from_numpy(wt.T.copy()))  # torch keeps [out][in]
            lin.bias.copy_(torch.from_numpy(b.copy()))
    return model


def train_once(d, x, y, orders):
    model = build(d)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    n, batch = d["n"], d["batch"]
    start = time.perf_counter()
    last = float("nan")
    for e in range(d["epochs"]):
        idx = orders[e]
        xs, ys = x[idx], y[idx]
        total = 0.0
        for s in range(0, n, batch):
            xb, yb = xs[s:s + batch], ys[s:s + batch]
            opt.zero_grad(set_to_none=True)
            loss = F.mse_loss(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * xb.shape[0]
        last = total / n
    seconds = time.perf_counter() - start
    return n * d["epochs"] / seconds, last


def torch_rate(d, repeats):
    x = torch.from_numpy(d["x"].copy())
    y = torch.from_numpy(d["y"].copy())
    orders = [torch.from_numpy(o.astype(np.int64)) for o in d["orders"]]
    best = None
    for threads in (1, 2):
        torch.set_num_threads(threads)
        train_once(d, x, y, orders)  # warm-up
        runs = [train_once(d, x, y, orders) for _ in range(repeats)]
        rate = statistics.median(r[0] for r in runs)
        if best is None or rate > best[0]:
            best = (rate, runs[-1][1], threads, [round(r[0]) for r in runs])
    return best


def lbfgs_once(d, x, y, iterations):
    model = build(d)
    # tolerance_change 0: run every iteration, as ours does (it has no loss-change stop).
    opt = torch.optim.LBFGS(model.parameters(), lr=1, max_iter=iterations, max_eval=iterations * 25,
                            history_size=50, line_search_fn="strong_wolfe", tolerance_grad=1e-7,
                            tolerance_change=0)

    def closure():
        opt.zero_grad(set_to_none=True)
        loss = F.mse_loss(model(x), y)
        loss.backward()
        return loss

    start = time.perf_counter()
    opt.step(closure)
    seconds = time.perf_counter() - start
    done = opt.state[opt._params[0]]["n_iter"]
    with torch.no_grad():
        loss = F.mse_loss(model(x), y).item()
    return done / seconds, loss, done


def run_lbfgs(out_dir, repeats, name, iterations):
    d = load(f"{out_dir}/{name}.bin")
    x = torch.from_numpy(d["x"].copy())
    y = torch.from_numpy(d["y"].copy())
    best = None
    for threads in (1, 2):
        torch.set_num_threads(threads)
        lbfgs_once(d, x, y, iterations)  # warm-up
        runs = [lbfgs_once(d, x, y, iterations) for _ in range(repeats)]
        rate = statistics.median(r[0] for r in runs)
        if best is None or rate > best[0]:
            best = (rate, runs[-1][1], runs[-1][2], threads)
    rate, loss, done, threads = best
    with open(f"{out_dir}/torch-lbfgs.tsv", "a") as f:
        f.write(f"{name}\t{rate:.1f}\t{loss:.6g}\t{done}\t{threads}\n")
    print(f"torch lbfgs {name} {rate:.1f} it/s loss {loss:.6g} iterations {done} threads={threads}")


def read_rows(path):
    rows = {}
    try:
        for line in open(path):
            name, rate, loss, runs, *rest = line.rstrip("\n").split("\t")
            rows[name] = (float(rate), float(loss), runs, rest[0] if rest else "")
    except FileNotFoundError:
        pass
    return rows


def run_torch(out_dir, repeats, name):
    d = load(f"{out_dir}/{name}.bin")
    rate, loss, threads, runs = torch_rate(d, repeats)
    with open(f"{out_dir}/torch.tsv", "a") as f:
        f.write(f"{name}\t{rate:.0f}\t{loss:.6g}\t{runs}\t{threads}\n")
    print(f"torch {name} {rate:.0f} {loss:.6g} {runs} threads={threads}")


def report(out_dir, nets):
    ours = read_rows(f"{out_dir}/ours-FAST.tsv")
    dl4j = read_rows(f"{out_dir}/ours-DL4J.tsv")
    torch_rows = read_rows(f"{out_dir}/torch.tsv")
    summary = []
    print(f"torch {torch.__version__}; samples/s are medians; loss = last epoch's mean minibatch MSE "
          f"on standardised targets")
    print(f"{'network':<13}{'ours (FAST)':>13}{'torch':>11}{'ratio':>8}{'DL4J':>10}"
          f"{'loss ours':>13}{'loss torch':>13}{'rel.diff':>10}  torch threads")
    for name in nets:
        t_rate, t_loss, _, threads = torch_rows[name]
        o_rate, o_loss, _, _ = ours[name]
        ratio = o_rate / t_rate
        dl = f"{dl4j[name][0]:.0f}" if name in dl4j else "-"
        rel = abs(o_loss - t_loss) / abs(t_loss)
        print(f"{name:<13}{o_rate:>13.0f}{t_rate:>11.0f}{ratio:>8.2f}{dl:>10}"
              f"{o_loss:>13.6g}{t_loss:>13.6g}{rel:>10.1e}  {threads}")
        summary.append(f"{name} ours={o_rate:.0f} torch={t_rate:.0f} ratio={ratio:.2f}")
    ours_lbfgs = read_rows(f"{out_dir}/ours-lbfgs.tsv")
    torch_lbfgs = read_rows(f"{out_dir}/torch-lbfgs.tsv")
    for name in ours_lbfgs:
        if name not in torch_lbfgs:
            continue
        o_rate, o_loss, o_its, _ = ours_lbfgs[name]
        t_rate, t_loss, t_its, threads = torch_lbfgs[name]
        ratio = o_rate / t_rate
        print(f"full-batch L-BFGS {name}: ours {o_rate:.1f} it/s ({o_its} iterations, loss {o_loss:.6g}), "
              f"torch.optim.LBFGS {t_rate:.1f} it/s ({t_its} iterations, loss {t_loss:.6g}, {threads} threads), "
              f"ratio {ratio:.2f}")
        summary.append(f"L-BFGS {name} ours={o_rate:.1f}it/s torch={t_rate:.1f}it/s ratio={ratio:.2f}")
    print("train-vs-pytorch: " + "; ".join(summary))


def main():
    if sys.argv[1] == "torch":
        run_torch(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "lbfgs":
        run_lbfgs(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
    elif sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3:])
    else:
        sys.exit("usage: train_vs_pytorch.py torch DIR REPEATS NET | lbfgs DIR REPEATS NET ITERATIONS"
                 " | report DIR NET...")


if __name__ == "__main__":
    main()
