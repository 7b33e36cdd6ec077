"""Draws assets/body_regions.svg: a front and a back body figure whose regions share exact edges.

Run `python scripts/draw_body_map.py` after changing the geometry; the app only reads the SVG.
"""

import os
import sys
import math
import re

CX = 210.0
def mir(p): return (2*CX - p[0], p[1])
def norm(v):
    l = math.hypot(*v); return (v[0]/l, v[1]/l) if l else (0.0, 0.0)

class Curve:
    """Smooth curve through named knots; sub-curves share exact control points."""
    def __init__(self, pts, closed=False, corners=()):
        self.names = {}
        self.p = []
        for item in pts:
            if isinstance(item[0], str):
                self.names[item[0]] = len(self.p); self.p.append(item[1])
            else:
                self.p.append(item)
        self.closed = closed
        n = len(self.p)
        cor = set(self.names[c] if isinstance(c, str) else c for c in corners)
        self.segs = []
        def tin(i):
            a = self.p[(i-1) % n]; b = self.p[i]; c = self.p[(i+1) % n]
            if not closed and i == 0: return norm((c[0]-b[0], c[1]-b[1]))
            if not closed and i == n-1: return norm((b[0]-a[0], b[1]-a[1]))
            if i in cor: return norm((b[0]-a[0], b[1]-a[1]))
            return norm((c[0]-a[0], c[1]-a[1]))
        def tout(i):
            a = self.p[(i-1) % n]; b = self.p[i]; c = self.p[(i+1) % n]
            if not closed and i == 0: return norm((c[0]-b[0], c[1]-b[1]))
            if not closed and i == n-1: return norm((b[0]-a[0], b[1]-a[1]))
            if i in cor: return norm((c[0]-b[0], c[1]-b[1]))
            return norm((c[0]-a[0], c[1]-a[1]))
        m = n if closed else n-1
        for i in range(m):
            a = self.p[i]; b = self.p[(i+1) % n]
            d = math.hypot(b[0]-a[0], b[1]-a[1]) / 3
            to = tout(i); ti = tin((i+1) % n)
            self.segs.append((a, (a[0]+to[0]*d, a[1]+to[1]*d), (b[0]-ti[0]*d, b[1]-ti[1]*d), b))
    def idx(self, k): return self.names[k] if isinstance(k, str) else k
    def __getitem__(self, k): return self.p[self.idx(k)]
    def sub(self, i, j, rev=None):
        i, j = self.idx(i), self.idx(j); n = len(self.p)
        if rev is None: rev = j < i
        out = []
        if not rev:
            k = i
            while k != j:
                out.append(('C',) + self.segs[k]); k = (k+1) % n
        else:
            k = i
            while k != j:
                s = self.segs[(k-1) % n]
                out.append(('C', s[3], s[2], s[1], s[0])); k = (k-1) % n
        return out
    def mirror(self):
        c = Curve([], self.closed)
        c.p = [mir(q) for q in self.p]; c.names = dict(self.names); c.closed = self.closed
        c.segs = [tuple(mir(q) for q in s) for s in self.segs]
        return c

def L(a, b): return [('L', a, b)]

def fmt(v):
    s = ('%.1f' % v).rstrip('0').rstrip('.')
    return '0' if s == '-0' else s

def path_d(segs, dx=0.0, mirror=False):
    def P(q):
        if mirror: q = mir(q)
        return fmt(q[0]+dx) + ' ' + fmt(q[1])
    out = ['M' + P(segs[0][1])]
    last = None
    for s in segs:
        cmd = s[0]
        if cmd == 'L':
            end = s[2]
            if end == segs[0][1] and s is segs[-1]: break
            out.append(('L' if last != 'L' else '') + P(end))
        else:
            out.append(('C' if last != 'C' else '') + P(s[2]) + ' ' + P(s[3]) + ' ' + P(s[4]))
        last = cmd
    d = ' '.join(out) + 'Z'
    return d.replace(' L', 'L').replace(' C', 'C')

# ---------------- geometry (front view, viewer-left half) ----------------
TH = math.radians(15)
O = (146.0, 232.0)
D = (-math.sin(TH), math.cos(TH)); Nn = (math.cos(TH), math.sin(TH))
def ap(t, s): return (O[0]+t*D[0]+s*Nn[0], O[1]+t*D[1]+s*Nn[1])

HEAD = Curve([('J', (167, 128)), (165, 106), (172, 88), (188, 73), ('TOP', (210, 68)),
              mir((188, 73)), mir((172, 88)), mir((165, 106)), ('Jr', mir((167, 128))),
              mir((172, 150)), ('N0r', mir((186, 160))), mir((196, 178)), ('CHIN', (210, 182)),
              (196, 178), ('N0', (186, 160)), (172, 150)], closed=True)

ARM = Curve([('N0', HEAD['N0']), (184, 187), ('N2', (178, 203)), ('T1', (160, 211)), (142, 213),
             (127, 218), (117, 229), (113, 245), ('o40', ap(40, -25)), ap(95, -23), ('o150', ap(150, -20)),
             ap(172, -19.5), ('o195', ap(195, -20)), ap(225, -21), ap(265, -17), ('o300', ap(300, -13.5)),
             ap(314, -16.5), ap(329, -23.5), ap(343, -24.5), ('tc', ap(356, -20)), ap(369, -19),
             ap(383, -15), ap(394, -4), ap(393, 8), ap(381, 16.5), ap(360, 19), ap(333, 17.5), ap(315, 13.5),
             ('i300', ap(300, 12.5)), ap(265, 15), ap(225, 18), ('i195', ap(195, 17)), ap(172, 17),
             ('i150', ap(150, 18)), ap(110, 20), ap(70, 22), ('A', (153, 270))],
            corners=('N0',))

LEG = Curve([('A', ARM['A']), (151, 300), ('R', (152, 334)), (155, 370), (156, 396), ('P', (153, 422)),
             (146, 452), (142.5, 482), ('H', (142, 512)), (145, 560), (151, 610), ('K1', (157, 650)),
             (159, 680), ('K2', (157, 712)), (151, 752), (153, 797), (157, 838), ('F1', (159, 860)),
             (156, 874), (145, 888), (132, 900), (127, 911), (135, 920), (160, 922), (183, 919),
             (191, 909), (189, 892), (184, 876), ('F1i', (183, 860)), (184, 840), (191, 797), (196, 750),
             ('K2i', (195, 712)), (195, 680), ('K1i', (196, 650)), (197, 610), (199, 560), (203, 518),
             ('C', (210, 500))], corners=('A',))

CAPIN = Curve([('T1', ARM['T1']), (155, 230), (151, 250), ('A', ARM['A'])])
NB = Curve([('N2', ARM['N2']), (194, 211), (210, 213), mir((194, 211)), ('N2r', mir(ARM['N2']))])
RIB = Curve([('R', LEG['R']), (180, 340), (210, 342), mir((180, 340)), ('Rr', mir(LEG['R']))])
BRIB = Curve([('R', LEG['R']), (180, 342), (210, 346), mir((180, 342)), ('Rr', mir(LEG['R']))])
ING = Curve([('P', LEG['P']), (168, 440), ('G', (184, 462)), (198, 482), ('C', LEG['C'])])
BTOP = Curve([('P', LEG['P']), (185, 430), ('M', (210, 438))])
KC1 = Curve([('a', LEG['K1']), (176.5, 654), ('b', LEG['K1i'])])
KC2 = Curve([('a', LEG['K2']), (176, 716), ('b', LEG['K2i'])])
FOLD = Curve([('H', LEG['H']), (160, 526), (184, 528), (200, 520), ('C', LEG['C'])])

ARMr, LEGr, CAPINr, INGr, BTOPr = ARM.mirror(), LEG.mirror(), CAPIN.mirror(), ING.mirror(), BTOP.mirror()

# ---- region shapes: (segments, symmetric-pair?) ----
def pair(segs): return [('L', segs), ('R', segs)]
def single(segs): return [('S', segs)]

shoulder = ARM.sub('T1', 'o40') + L(ARM['o40'], ARM['A']) + CAPIN.sub('A', 'T1')
upperarm = ARM.sub('o40', 'o150') + L(ARM['o150'], ARM['i150']) + ARM.sub('i150', 'A') + L(ARM['A'], ARM['o40'])
forearm = ARM.sub('o195', 'o300') + L(ARM['o300'], ARM['i300']) + ARM.sub('i300', 'i195') + L(ARM['i195'], ARM['o195'])
elbow = ARM.sub('o150', 'o195') + L(ARM['o195'], ARM['i195']) + ARM.sub('i195', 'i150') + L(ARM['i150'], ARM['o150'])
hand = ARM.sub('o300', 'i300') + L(ARM['i300'], ARM['o300'])
knee = LEG.sub('K1', 'K2') + KC2.sub('a', 'b') + LEG.sub('K2i', 'K1i') + KC1.sub('b', 'a')
shin = LEG.sub('K2', 'F1') + L(LEG['F1'], LEG['F1i']) + LEG.sub('F1i', 'K2i') + KC2.sub('b', 'a')
foot = LEG.sub('F1', 'F1i') + L(LEG['F1i'], LEG['F1'])
neck = ARM.sub('N0', 'N2') + NB.sub('N2', 'N2r') + ARMr.sub('N2', 'N0') + HEAD.sub('N0r', 'N0', rev=False)
def torso_top(cut):
    return (NB.sub('N2', 'N2r') + ARMr.sub('N2', 'T1') + CAPINr.sub('T1', 'A') + LEGr.sub('A', 'R')
            + cut.sub('Rr', 'R') + LEG.sub('R', 'A') + CAPIN.sub('A', 'T1') + ARM.sub('T1', 'N2'))
head_front = HEAD.sub('J', 'Jr', rev=False) + L(HEAD['Jr'], HEAD['J'])
jaw = HEAD.sub('Jr', 'J', rev=False) + L(HEAD['J'], HEAD['Jr'])
head_back = HEAD.sub('J', 'J', rev=False) if False else HEAD.sub('J', 'Jr', rev=False) + HEAD.sub('Jr', 'J', rev=False)
abdomen = RIB.sub('R', 'Rr') + LEGr.sub('R', 'P') + INGr.sub('P', 'C') + ING.sub('C', 'P') + LEG.sub('P', 'R')
hip = LEG.sub('P', 'H') + L(LEG['H'], ING['G']) + ING.sub('G', 'P')
thigh = LEG.sub('H', 'K1') + KC1.sub('a', 'b') + LEG.sub('K1i', 'C') + ING.sub('C', 'G') + L(ING['G'], LEG['H'])
lowback = BRIB.sub('R', 'Rr') + LEGr.sub('R', 'P') + BTOPr.sub('P', 'M') + BTOP.sub('M', 'P') + LEG.sub('P', 'R')
buttock = BTOP.sub('P', 'M') + L(BTOP['M'], LEG['C']) + FOLD.sub('C', 'H') + LEG.sub('H', 'P')
hamstring = LEG.sub('H', 'K1') + KC1.sub('a', 'b') + LEG.sub('K1i', 'C') + FOLD.sub('C', 'H')

EAR = (162, 122, 8, 15)

FRONT = [
    ('head', 'Head', 'ears', single(head_front)),
    ('jaw', 'Jaw', None, single(jaw)),
    ('neck', 'Neck', None, single(neck)),
    ('shoulder', 'Shoulder', None, pair(shoulder)),
    ('chest', 'Chest', None, single(torso_top(RIB))),
    ('arm', 'Arm', None, pair(upperarm) + pair(forearm)),
    ('elbow', 'Elbow', None, pair(elbow)),
    ('abdomen', 'Belly', None, single(abdomen)),
    ('wrist-hand', 'Wrist and hand', None, pair(hand)),
    ('hip', 'Hip', None, pair(hip)),
    ('thigh', 'Front of thigh', None, pair(thigh)),
    ('knee', 'Knee', None, pair(knee)),
    ('shin', 'Shin', None, pair(shin)),
    ('foot', 'Foot', None, pair(foot)),
]
BACK = [
    ('head', 'Head', 'ears', single(head_back)),
    ('neck', 'Neck', None, single(neck)),
    ('shoulder', 'Shoulder', None, pair(shoulder)),
    ('upper-back', 'Upper back', None, single(torso_top(BRIB))),
    ('arm', 'Arm', None, pair(upperarm) + pair(forearm)),
    ('elbow', 'Elbow', None, pair(elbow)),
    ('low-back', 'Lower back', None, single(lowback)),
    ('wrist-hand', 'Wrist and hand', None, pair(hand)),
    ('buttock', 'Buttock', None, pair(buttock)),
    ('hamstring', 'Back of thigh', None, pair(hamstring)),
    ('knee', 'Knee', None, pair(knee)),
    ('calf', 'Calf', None, pair(shin)),
    ('foot', 'Foot', None, pair(foot)),
]

def view(name, title, regions, dx, left_lbl, right_lbl):
    o = []
    o.append(f'  <g id="view-{name}" data-view="{name}" data-viewbox="{fmt(dx)} 0 420 940">')
    o.append(f'    <text class="bm-label" aria-hidden="true" x="{fmt(dx+210)}" y="42" text-anchor="middle" font-size="30" font-weight="bold">{title}</text>')
    o.append(f'    <text class="bm-label" aria-hidden="true" x="{fmt(dx+62)}" y="196" text-anchor="middle" font-size="20">{left_lbl}</text>')
    o.append(f'    <text class="bm-label" aria-hidden="true" x="{fmt(dx+358)}" y="196" text-anchor="middle" font-size="20">{right_lbl}</text>')
    for rid, label, extra, shapes in regions:
        o.append(f'    <g class="region" data-region="{rid}" aria-label="{label}">')
        if extra == 'ears':
            cx, cy, rx, ry = EAR
            for x in (cx, 2*CX - cx):
                o.append(f'      <ellipse cx="{fmt(x+dx)}" cy="{cy}" rx="{rx}" ry="{ry}"/>')
        for side, segs in shapes:
            o.append(f'      <path d="{path_d(segs, dx, side == "R")}"/>')
        o.append('    </g>')
    o.append('  </g>')
    return o

out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 840 940" role="img" aria-labelledby="bm-title bm-desc">',
       '  <title id="bm-title">Body map: front and back views</title>',
       '  <desc id="bm-desc">A simple outline of a person seen from the front and from the back, divided into areas you can tap to choose where you feel pain.</desc>']
out += view('front', 'Front', FRONT, 0, 'Your right', 'Your left')
out += view('back', 'Back', BACK, 420, 'Your left', 'Your right')
out.append('</svg>')
open(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'assets', 'body_regions.svg'), 'w').write('\n'.join(out) + '\n')
