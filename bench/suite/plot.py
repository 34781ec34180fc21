"""A plain SVG line chart: p99 latency (ms) against throughput (req/s), one line per system."""

from xml.sax.saxutils import escape

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
W, H, LEFT, BOTTOM, TOP, RIGHT = 720, 420, 70, 50, 40, 200


def nice(top):
    """A round axis maximum at or above `top`."""
    step = 1
    while step * 10 < top:
        step *= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= top:
            return step * factor
    return step * 10


def svg(title, series):
    xmax = nice(max(p["rps"] for points in series.values() for p in points) or 1)
    ymax = nice(max(p["p99"] / 1000 for points in series.values() for p in points) or 1)
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(v):
        return LEFT + v / xmax * plot_w

    def y(v):
        return TOP + plot_h - v / ymax * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{LEFT}" y="22" font-size="14">{escape(title)}</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="black"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="black"/>',
        f'<text x="{LEFT + plot_w / 2}" y="{H - 10}" text-anchor="middle">throughput (req/s)</text>',
        f'<text x="16" y="{TOP + plot_h / 2}" transform="rotate(-90 16 {TOP + plot_h / 2})" text-anchor="middle">p99 latency (ms)</text>',
    ]
    for i in range(6):
        xv, yv = xmax * i / 5, ymax * i / 5
        parts.append(f'<text x="{x(xv)}" y="{TOP + plot_h + 18}" text-anchor="middle">{xv:,.0f}</text>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(yv) + 4}" text-anchor="end">{yv:g}</text>')
        parts.append(f'<line x1="{LEFT}" y1="{y(yv)}" x2="{LEFT + plot_w}" y2="{y(yv)}" stroke="#eee"/>')
    for n, (name, points) in enumerate(series.items()):
        colour = COLOURS[n % len(COLOURS)]
        path = " ".join(f"{x(p['rps']):.1f},{y(p['p99'] / 1000):.1f}" for p in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in points:
            parts.append(f'<circle cx="{x(p["rps"]):.1f}" cy="{y(p["p99"] / 1000):.1f}" r="3" fill="{colour}">'
                         f'<title>{p["connections"]} connections</title></circle>')
        ly = TOP + 16 + n * 18
        parts.append(f'<rect x="{W - RIGHT + 16}" y="{ly - 9}" width="12" height="3" fill="{colour}"/>')
        parts.append(f'<text x="{W - RIGHT + 34}" y="{ly}">{escape(name)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
