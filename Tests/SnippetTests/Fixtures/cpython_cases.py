print(repr("it's"), repr('say "hi"'), repr('a\nb\t\\'), repr("both ' and \""))
print(str(1.0), 1e22, 1e21, 123456789.123, 1.5e-7, 0.0001, 0.00001, float('inf'), -float('inf'), float('nan'))
print(10/4, 2**62, 2**63 - 1 if False else 3, -2**3, (-2)**2, 2**-2, 0**0, 4**0.5)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, 7.0 // 2, -7.0 % 3, 5 % 0.5 if True else 0)
print(int(3.9), int(-3.9), int("  42 "), int("-0x1f", 16), int("0b101", 0), float("  1e3 "), float("-inf"))
print(bool([]), bool([0]), bool(""), bool(0.0), bool(None), True + True, True * 3.5)
#---
print(round(0.5), round(1.5), round(2.675, 2), round(-2.5), round(1234.5678, -2), round(1234, -2), round(5, -1), round(15, -1), round(25, -1))
print(abs(-3.5), max(1, 2.5), min("b", "a"), max([1, 5, 3], key=lambda x: -x), min([], default=7))
print(sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []))
print(sorted("hello"), sorted({3: 'a', 1: 'b'}), list(reversed([1, 2, 3])), list(reversed("abc")))
print(list(enumerate("ab", 1)), list(zip("abc", [1, 2])), list(map(str, [1, 2])), list(filter(None, [0, 1, 2, ''])))
print(any([]), all([]), any(x > 2 for x in range(4)), all(x < 2 for x in range(4)))
print(isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, float), issubclass(bool, int))
print(hex(255), hex(-255), oct(8), bin(5), chr(65), ord('a'), divmod(7, 2), divmod(-7.5, 2), pow(2, 10), pow(3, 4, 5), pow(2, -1, 5))
#---
s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), s.split(), "a,b,,c".split(","), " x  y ".split(), s.replace("l", "L", 2))
print(s.startswith("He"), s.endswith(("x", "ld")), s.find("o"), s.rfind("o"), s.index("W"), s.count("l"))
print("  pad ".strip(), "xxhixx".strip("x"), "-".join(["a", "b"]), s[::2], s[-5:], s[100:], s[::-1])
print("abc".center(9, "*"), "abc".ljust(5) + "|", "abc".rjust(5), "42".zfill(5), "-42".zfill(5), "title case here".title())
print("a=%s b=%r c=%5.1f d=%-4d| e=%03d %% %x %X %o %e %g %10.3e" % ("s", "r", 2.25, 7, 5, 255, 255, 8, 0.000123, 1e-7, 123456.789))
print("{0} {1} {0}".format("a", "b"), "{name}:{val:08.3f}".format(name="x", val=3.14159), "{:,}".format(1234567), "{:>8.2%}".format(0.256))
print("{!r:^10}|{:x}|{:#b}|{:+d}|{: d}".format("q", 255, 5, 3, 4), f"{'nested'!r:>12}", f"{3.0:g}", f"{1e20:g}", f"{12345.6789:.3g}")
print(f"{1+1=}", f"{'abc'[1]}", f"{{literal}}", f"{[1,2][0]:5d}|", f"{2.5:e}", f"{-0.0}", f"{10:#x}", f"{7:03}")
#---
x = [3, 1, 2]
x.append(4); x.extend([5]); x.insert(0, 0); x.remove(3)
print(x, x.pop(), x.pop(0), x, x.index(2), x.count(1))
x.sort(reverse=True); print(x); x.reverse(); print(x, x.copy(), x * 2, [0] * 3, 3 * [1])
y = x; y += [9]; print(x is y, x)
x[1:3] = ['a', 'b', 'c']; print(x); del x[0]; print(x); del x[::2]; print(x)
nested = [[1, 2], [3, 4]]
print([v for row in nested for v in row if v % 2 == 0], {k: v for k, v in [('a', 1)]}, {v % 3 for v in range(10)})
print(list(range(10))[2:8:2], list(range(10, 0, -3)), range(5), range(0, 10, 2), len(range(0, 10, 3)), 3 in range(5), range(5)[-1])
#---
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), 'a' in d, d.keys(), d.values(), d.items(), list(d))
print(d.pop('a'), d.pop('zz', None), d, d.get('b'), d.setdefault('e', 5), d)
d.update({'b': 20}, f=6); print(d); del d['b']; print(d, dict(a=1, b=2), dict([(1, 2)]), dict(zip('ab', range(2))))
print({(1, 2): 'tuple key', 1.0: 'float one'}[1], {1: 'a', True: 'b'})
s = {3, 1, 2}; s.add(5); s.discard(7); print(s, s | {9}, s & {1, 3}, s - {1}, {1, 2} ^ {2, 3}, set(), frozenset([1]))
t = (1, 2, 3)
print(t, t[1:], (1,), (), t.index(2), t.count(3), t + (4,), t * 2, tuple("ab"), (1, 2) < (1, 3), [1, 2] == [1, 2.0])
a, (b, c) = 1, (2, 3); print(a, b, c)
first, *rest = "hello"; print(first, rest)
*init, last = [1, 2, 3]; print(init, last)

#---
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter(); c(); print(c(), c())
g = 10
def setg():
    global g
    g = 20
setg(); print(g)
fs = [lambda: i for i in range(3)]; print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]; print([f() for f in fs])
def f(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{'c': 7}))
def outer():
    x = 1
    def inner():
        return x + 1
    x = 5
    return inner()
print(outer())
#---
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex", "lab")
print(d.speak(), d.kind, d, isinstance(d, Animal), type(d).__name__, Dog.__mro__)
print(hasattr(d, 'breed'), getattr(d, 'nope', 'dflt'), [Animal("a")])
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @staticmethod
    def s(v): return v * 2
print(P().x, P.s(3), P().s(4))
class V:
    def __init__(self, *xs): self.xs = list(xs)
    def __len__(self): return len(self.xs)
    def __getitem__(self, i): return self.xs[i]
    def __eq__(self, o): return isinstance(o, V) and self.xs == o.xs
    def __lt__(self, o): return self.xs < o.xs
    def __iter__(self): return iter(self.xs)
    def __contains__(self, v): return v in self.xs
    def __call__(self, k): return k * 10
    def __neg__(self): return V(*[-x for x in self.xs])
    def __str__(self): return "V" + str(self.xs)
v = V(1, 2, 3)
print(len(v), v[1], list(v), 2 in v, v(4), str(-v), V(1) == V(1), V(1) != V(2), sorted([V(3), V(1)], key=lambda q: q.xs)[0], bool(V()), V(1) < V(2), max(V(1), V(5)))
#---
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, e, tb):
        print("exit", t.__name__ if t else None); return t is ValueError
with Ctx() as c:
    print("body")
with Ctx():
    raise ValueError("swallowed")
print("after")
try:
    with Ctx():
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e), str(e))
#---
def risky(n):
    try:
        if n == 0: raise ValueError("zero")
        if n == 1: return 1 / 0
        return "ok"
    except ZeroDivisionError as e:
        return f"zde: {e}"
    except (TypeError, ValueError) as e:
        return f"{type(e).__name__}: {e}"
    finally:
        print("finally", n)
print(risky(0), risky(1), risky(2))
for i in range(3):
    try:
        if i == 1: continue
        print("i", i)
    finally:
        print("f", i)
class MyErr(Exception): pass
try:
    raise MyErr("custom")
except Exception as e:
    print(type(e), e, e.args, isinstance(e, MyErr))
try:
    try:
        {}['x']
    except KeyError:
        raise
except LookupError as e:
    print("lookup", repr(e))
try:
    raise RuntimeError("a") from ValueError("b")
except RuntimeError as e:
    print(e, repr(e.__cause__))
for x in []:
    pass
else:
    print("for-else")
while False: pass
else: print("while-else")
for i in range(5):
    if i == 2: break
else: print("not printed")
print(i)
#---
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(20))
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)
print(deep(900))
try:
    deep(5000)
except RecursionError as e:
    print("RecursionError:", e)
#---
x = 5
def f():
    print(x)
    x = 3
f()
#---
[1, 2, 3][10]
#---
def f(a, b): pass
f(1)
#---
def f(a): pass
f(1, 2)
#---
"abc" + 5
#---
5 + "abc"
#---
None.foo
#---
int("abc")
#---
{"a": 1}["b"]
#---
1 / 0
#---
assert 1 == 2, "nope"
#---
raise ValueError
#---
x = [1]; x.bar
#---
a, b = [1, 2, 3]
#---
class A: pass
A().missing
#---
import math
print(math.log(100, 10), math.log2(8), math.exp(0), math.ceil(1.2), math.trunc(-1.7), math.factorial(5), math.gcd(12, 18), math.inf, -math.inf, math.isnan(math.nan))
math.sqrt(-1)
#---
print(1 < 2 > 1.5, 1 == 1.0, "a" < "b" < "c", [1, 2] < [1, 3], (1, 2) == (1, 2), None == 0, [] is [], not [], 3 not in [1, 2])
print(0 or "x", "" and "y", 1 and 2, None or [] or 0, (lambda: 5)(), (lambda x, *a, **k: (x, a, k))(1, 2, z=3))
print(1 if 0 else 2, [x for x in range(5) if x % 2], {1: 2}.get(3) is None, type(None), type(print), type(len))
print(type(type), type(int), type(lambda: 0).__name__, (1).__class__, int.__name__, callable(len), callable(1))

#---
total = 0
for i in range(5):
    if i % 2 == 0:
        total += i
    elif i == 3:
        total -= 1
    else:
        pass
print(total)
squares = [i * i for i in range(4)]
print(squares, len(squares), squares[-1])
print({'a': 1, 'b': [1, 2]}['b'])
#---
print("%d items" % 3, str(7) + "!", 7 / 2, 7 // 2, 2 ** 10, -7 % 3)
print(1 < 2 < 3, not True, None is None, [] == [], (1, 2) + (3,))
#---
n = 0
while n < 3:
    n += 1
print(n, abs(-2), min(3, 1), max([4, 9]), sum([1, 2, 3]), round(2.567, 2), sorted([3, 1, 2]))
print(int("12") + 1, float("1.5"), list(range(2, 8, 3)), tuple([1, 2]))
print(type(1), type(1.0), type("s"), type([]))
#---
x = 1
x.real = 5
#---
print(0.1 + 0.7, 1.1 * 3, 2.0 ** 0.5, 1e300 * 1e10, -1e-320, 3.14159e-10, 100.0 / 3, 2.5e15, 2.5e16, 123456789012345.6, 0.1 ** 20)
print(7.0 / 2, 7 / 7, 10 ** 15 * 1.0, float(2 ** 53), 1.0e-4, 1.0e-5, 12345678.9 * 1000)
#---
x = 10
def f(y):
    def g(z):
        return x + y + z
    return g
print(f(1)(2), (lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=lambda p: (p[1], p[0])))
print([(i, j) for i in range(3) for j in range(i)], [[c for c in w] for w in ["ab", "c"]])
print(dict(sorted({'b': 1, 'a': 2}.items())), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(max("apple", "fig", key=len), min([3, 1, 2], key=lambda v: -v), sum((x * x for x in range(4)), 10))
#---
import math
print(math.floor(2.5), math.ceil(-2.5), math.fabs(-3), math.pow(2, 10), math.hypot(3, 4), math.atan2(1, 1), math.degrees(math.pi))
print(math.isinf(math.inf), math.isfinite(1.0), math.copysign(1, -0.0), math.fmod(7, -3), math.log10(1000), math.e)
print(math.comb(5, 2), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), math.isclose(0.1 + 0.2, 0.3))
#---
import math
math.log(0)
#---
import math
math.exp(1000)
#---
import math
math.factorial(-1)
#---
[].pop()
#---
[1].remove(5)
#---
(1,).index(5)
#---
"abc".index("z")
#---
set().pop()
#---
{'a': 1}.pop('b')
#---
len(5)
#---
iter(5)
#---
for x in 5:
    pass
#---
a, b = 1
#---
a, b, c = [1, 2]
#---
sorted([1, 'a'])
#---
max([])
#---
int('1.5')
#---
float('abc')
#---
chr(-1)
#---
ord('ab')
#---
'%d' % 'x'
#---
'%s %s' % ('a',)
#---
'{} {}'.format(1)
#---
print(None + 1)
#---
-'x'
#---
[1, 2] * 1.5
#---
{}[[]]
#---
x = 5
x()
#---
'abc'[1.5]
#---
[1][None]
#---
(1, 2)[0] = 5
#---
f = lambda x: x
f(1, 2)
#---
def f(x, y): pass
f(1, 2, z=3)
#---
def f(x): pass
f(1, x=2)
#---
def f(a, b, c): pass
f()
#---
1 // 0
#---
1 % 0
#---
1.0 / 0
#---
1.0 // 0.0
#---
5.0 % 0
#---
0 ** -1
#---
divmod(1, 0)
#---
range(0, 5, 0)
#---
[1, 2][::0]
#---
isinstance(1, 5)
#---
getattr(1, 'x')
#---
class A:
    pass
A(1)
#---
class A:
    def __init__(self, x):
        self.x = x
A()
#---
class A:
    def m(self, x):
        return x
A().m(1, 2)
#---
raise KeyError('k')
#---
raise ValueError
#---
raise 5
#---
def f():
    raise RuntimeError("inner")
def g():
    f()
g()
#---
try:
    1 / 0
except ZeroDivisionError:
    raise ValueError("converted")
#---
assert False
#---
assert len([1]) == 2, "length mismatch"
#---
del undefined_thing
#---
x = [1]
del x[3]
#---
print(undefined)
#---
def f():
    return y
f()
#---
"a" < 1
#---
print(abs(-0.0), -0.0 == 0.0, round(-0.4), round(0.5 + 1e-9), 3 // 2.0, -3 // 2.0, 2 ** 0.5 * 2 ** 0.5 == 2)
print(str(True), repr(None), str([1, 'a', None, 2.0]), repr((1, 'x')), str({'k': 'v'}), repr({1, 2}))
print("tab\there", repr("tab\there"), repr("\x00\x7f"), repr("é"), "é", len("héllo"), "héllo"[1], "naïve".upper())
print(", ".join(str(i) for i in range(3)), "x".join("abc"), "a b  c".split(" "), "a\nb\r\nc".splitlines(), "abc".partition("b"))

#---
class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        return "Node(%r, %d)" % (self.val, len(self.children))
def walk(n, depth=0):
    yield depth, n.val
    for c in n.children:
        yield from walk(c, depth + 1)
tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(list(walk(tree)), tree)
#---
from math import sqrt, pi as PI
import math as m
print(sqrt(16), PI, m.floor(3.7))
def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    return mean, var, sqrt(var)
print("mean=%.3f var=%.3f std=%.3f" % stats([1, 2, 3, 4, 10]))
print("{:.2e}".format(12345.6789), "{:10.4f}|".format(3.14159265), "{:<10}|{:^10}|{:>10}".format("l", "c", "r"))
#---
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = [list(row) for row in zip(*matrix)]
print(transposed, [sum(r) for r in matrix], max(map(max, matrix)))
flat = [x for row in matrix for x in row]
print(flat[::2], flat[-1:-4:-1], sorted(flat, key=lambda v: (v % 2, -v)))
counts = {}
for w in "the cat and the hat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2])
print(dict.fromkeys("ab", 0), {**counts, 'x': 9}, [*range(3), *"ab"])
#---
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
x = 10
def scope_test():
    x = 20
    def inner():
        return x
    return inner()
print(scope_test(), x)
#---
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return bool(self._items)
s = Stack().push(1).push(2)
print(len(s), s.pop(), bool(s), s.pop(), bool(s))
try:
    s.pop()
except IndexError as e:
    print("error:", e)
print(str(ValueError("bad")), repr(ValueError("bad", 2)), KeyError("k"), repr(KeyError("k")))
#---
import time
t0 = time.perf_counter()
total = sum(i * i for i in range(1000))
elapsed = time.perf_counter() - t0
print(total, elapsed >= 0, type(elapsed).__name__)
print(isinstance(time.time(), float))
#---
a = 5
a //= 2; print(a)
a **= 3; print(a)
a %= 5; print(a)
a <<= 2; print(a)
a |= 1; print(a)
a ^= 3; print(a)
a >>= 1; print(a)
b = [1]
b *= 3; print(b)
s = "ab"; s += "c"; s *= 2; print(s)
#---
print(" ".join(f"{i:02d}" for i in range(3)), f"{'x' * 3:>{5}}", f"{3.14159:.{2}f}", f"{1234567:,d}", f"{0.5:.0%}")
print(f"{-1:+}", f"{1:+}", f"{255:08b}", f"{'abc':.2}", f"{12:^7}|", f"{-3.5:8.2f}|", f"{True}", f"{None!s}")
