package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One test per construct of the language: a small snippet and the dump of the AST it gives. */
class GrammarTest {

  static String dump(String source) {
    ParseResult result = SourceParser.parseString("<test>", source);
    assertTrue(result.ok(), () -> "did not parse: " + result.diagnostics());
    return AstDump.dump(result.module());
  }

  static void assertDump(String source, String expected) {
    assertEquals(expected, dump(source));
  }

  @Test
  void indentationNestsAndDedentsSeveralLevels() {
    assertDump(
        "if a:\n" +
        "    if b:\n" +
        "        x = 1\n" +
        "    y = 2\n" +
        "z = 3\n",
        "(If (Name a) (body (If (Name b) (body (Assign (Name x) 1))) (Assign (Name y) 2)))\n" +
        "(Assign (Name z) 3)");
  }

  @Test
  void bracketsJoinLinesWithCommentsAndBlankLines() {
    assertDump(
        "x = [1,  # one\n" +
        "\n" +
        "      # odd comment\n" +
        "  2,\n" +
        "        3]\n" +
        "f(a,\n" +
        "  b)\n",
        "(Assign (Name x) (List 1 2 3))\n" +
        "(Expr (Call (Name f) (Name a) (Name b)))");
  }

  @Test
  void backslashContinuation() {
    assertDump(
        "x = 1 + \\\n" +
        "    2\n" +
        "if a and \\\n" +
        "   b:\n" +
        "    pass\n",
        "(Assign (Name x) (Op '+' 1 2))\n" +
        "(If (Op 'and' (Name a) (Name b)) (body (pass)))");
  }

  @Test
  void commentsAndBlankLinesAtOddIndentation() {
    assertDump(
        "def f():\n" +
        "    x = 1\n" +
        "  # dedented comment\n" +
        "\n" +
        "        # deeper comment\n" +
        "    return x\n" +
        "# end\n",
        "(FunctionDef f (params) (body (Assign (Name x) 1) (Return (Name x))))");
  }

  @Test
  void stringPrefixesInAnyCase() {
    assertDump(
        "s = r'\\n' R'a' u'b' U'c' 'd'\n" +
        "f = f'e' F'g' rf'{k}' fR'{l}' Rf'm' FR'n'\n" +
        "b = rb'\\x' Rb'o' bR'p' BR'q' br'r' b's' B't'\n",
        "(Assign (Name s) '\\\\nabcd')\n" +
        "(Assign (Name f) f'eg{k}{l}mn')\n" +
        "(Assign (Name b) b'\\\\xopqrst')");
  }

  @Test
  void bytesPrefixes() {
    assertDump(
        "b = b'a\\x41' B'c' rb'\\d'\n",
        "(Assign (Name b) b'aAc\\\\d')");
  }

  @Test
  void tripleQuotedAndNestedQuotes() {
    assertDump(
        "s = '''it's \"quoted\"\n" +
        "second line'''\n" +
        "t = \"\"\"a \"b\" ''c'' \\\"\"\" \"\"\"\n" +
        "u = 'say \"hi\"' + \"it's\"\n",
        "(Assign (Name s) 'it\\'s \"quoted\"\\nsecond line')\n" +
        "(Assign (Name t) 'a \"b\" \\'\\'c\\'\\' \"\"\" ')\n" +
        "(Assign (Name u) (Op '+' 'say \"hi\"' 'it\\'s'))");
  }

  @Test
  void escapesResolvedInNonRawStrings() {
    assertDump(
        "s = 'tab\\there\\\\ q\\' nl\\n \\x41\\u00e9\\101 \\N{BULLET} \\q'\n",
        "(Assign (Name s) 'tab\\there\\\\ q\\' nl\\n AéA \\\\N{BULLET} \\\\q')");
  }

  @Test
  void fStringsKeepTheirBody() {
    assertDump(
        "a = f\"{x!r:>{width}}\"\n" +
        "b = f'{a[\"b\"]}'\n" +
        "c = f'''{x} \"{y}\" '{z}' '''\n" +
        "d = f\"\"\"multi\n" +
        "{line!s}\"\"\"\n",
        "(Assign (Name a) f'{x!r:>{width}}')\n" +
        "(Assign (Name b) f'{a[\"b\"]}')\n" +
        "(Assign (Name c) f'{x} \"{y}\" \\'{z}\\' ')\n" +
        "(Assign (Name d) f'multi\\n{line!s}')");
  }

  @Test
  void numbers() {
    assertDump(
        "n = [1_000, 0x_FF, 0o17, 0b1010, 0, 00, 1.5, .5, 1., 1e10, 1.5E-3, 1_0.0_1, 3j, 1.5J, 1e3j]\n",
        "(Assign (Name n) (List 1_000 0x_FF 0o17 0b1010 0 00 1.5 .5 1. 1e10 1.5E-3 1_0.0_1 3j 1.5J 1e3j))");
  }

  @Test
  void decoratorsAnyExpression() {
    assertDump(
        "@a\n" +
        "@b.c(1)\n" +
        "@d[0].e\n" +
        "@(lambda f: f)\n" +
        "@x if y else z\n" +
        "def f(): pass\n" +
        "@dataclass(frozen=True)\n" +
        "class C: pass\n",
        "(FunctionDef f (params) (decorators (Name a) (Call (Attr (Name b) c) 1) (Attr (Sub (Name d) 0) e) (Lambda (params f) (Name f)) (IfExp (Name y) (Name x) (Name z))) (body (pass)))\n" +
        "(ClassDef C (decorators (Call (Name dataclass) frozen=True)) (body (pass)))");
  }

  @Test
  void asyncDefForWithAndAwait() {
    assertDump(
        "async def f():\n" +
        "    async for x in y:\n" +
        "        await x\n" +
        "    async with a as b, c:\n" +
        "        r = await g()\n" +
        "    return [await z async for z in w]\n",
        "(AsyncFunctionDef f (params) (body (AsyncFor (Name x) (Name y) (body (Expr (Await (Name x))))) (AsyncWith (item (Name a) (as (Name b))) (item (Name c)) (body (Assign (Name r) (Await (Call (Name g)))))) (Return (Comp LIST (Await (Name z)) (Name z) (Name w)))))");
  }

  @Test
  void walrus() {
    assertDump(
        "if (n := len(a)) > 10:\n" +
        "    pass\n" +
        "while chunk := f.read():\n" +
        "    pass\n" +
        "y = [v for x in d if (v := x)]\n" +
        "f(z := 1)\n",
        "(If (Op '>' (Walrus (Name n) (Call (Name len) (Name a))) 10) (body (pass)))\n" +
        "(While (Walrus (Name chunk) (Call (Attr (Name f) read))) (body (pass)))\n" +
        "(Assign (Name y) (Comp LIST (Name v) (Name x) (Name d) (Walrus (Name v) (Name x))))\n" +
        "(Expr (Call (Name f) (Walrus (Name z) 1)))");
  }

  @Test
  void lambdaForms() {
    assertDump(
        "f = lambda: 0\n" +
        "g = lambda x, y=1, *a, k, **kw: x\n" +
        "h = lambda a, /, b, *, c: a\n",
        "(Assign (Name f) (Lambda (params) 0))\n" +
        "(Assign (Name g) (Lambda (params x y=1 *a kw:k **kw) (Name x)))\n" +
        "(Assign (Name h) (Lambda (params pos:a b kw:c) (Name a)))");
  }

  @Test
  void comprehensions() {
    assertDump(
        "a = [x for x in y]\n" +
        "b = {x for x in y if x if z}\n" +
        "c = {k: v for k, v in d.items() for w in v}\n" +
        "g = (x for x in y)\n" +
        "h = sum(x for x in y)\n",
        "(Assign (Name a) (Comp LIST (Name x) (Name x) (Name y)))\n" +
        "(Assign (Name b) (Comp SET (Name x) (Name x) (Name y) (Name x) (Name z)))\n" +
        "(Assign (Name c) (Comp DICT (Tuple (Name k) (Name v)) (Tuple (Name k) (Name v)) (Call (Attr (Name d) items)) (Name w) (Name v)))\n" +
        "(Assign (Name g) (Comp GENERATOR (Name x) (Name x) (Name y)))\n" +
        "(Assign (Name h) (Call (Name sum) (Comp GENERATOR (Name x) (Name x) (Name y))))");
  }

  @Test
  void yieldAndYieldFrom() {
    assertDump(
        "def g():\n" +
        "    yield\n" +
        "    yield 1\n" +
        "    yield 1, 2\n" +
        "    x = yield\n" +
        "    y = yield from h()\n" +
        "    await_ = (yield)\n",
        "(FunctionDef g (params) (body (Expr (Yield)) (Expr (Yield 1)) (Expr (Yield (Tuple 1 2))) (Assign (Name x) (Yield)) (Assign (Name y) (YieldFrom (Call (Name h)))) (Assign (Name await_) (Yield))))");
  }

  @Test
  void starExpressionsAndUnpacking() {
    assertDump(
        "a, *b = c\n" +
        "[x, *y] = z\n" +
        "f(*args, **kwargs)\n" +
        "l = [*a, *b]\n" +
        "d = {**a, 'k': 1, **b}\n" +
        "s = {*a}\n" +
        "for x, *y in z: pass\n" +
        "return_ = *a, b\n",
        "(Assign (Tuple (Name a) (Star (Name b))) (Name c))\n" +
        "(Assign (List (Name x) (Star (Name y))) (Name z))\n" +
        "(Expr (Call (Name f) *(Name args) **(Name kwargs)))\n" +
        "(Assign (Name l) (List (Star (Name a)) (Star (Name b))))\n" +
        "(Assign (Name d) (Dict **(Name a) 'k':1 **(Name b)))\n" +
        "(Assign (Name s) (Set (Star (Name a))))\n" +
        "(For (Tuple (Name x) (Star (Name y))) (Name z) (body (pass)))\n" +
        "(Assign (Name return_) (Tuple (Star (Name a)) (Name b)))");
  }

  @Test
  void positionalOnlyAndKeywordOnlyParams() {
    assertDump(
        "def f(a, b=1, /, c=2, *, d, e=3, **k): pass\n" +
        "def g(*, a): pass\n" +
        "def h(a, /): pass\n",
        "(FunctionDef f (params pos:a pos:b=1 c=2 kw:d kw:e=3 **k) (body (pass)))\n" +
        "(FunctionDef g (params kw:a) (body (pass)))\n" +
        "(FunctionDef h (params pos:a) (body (pass)))");
  }

  @Test
  void annotations() {
    assertDump(
        "def f(a: int, *b: str, c: 'X' = None, **d: Any) -> List[int]: pass\n" +
        "x: int\n" +
        "y: Dict[str, int] = {}\n" +
        "self.z: int = 1\n",
        "(FunctionDef f (params a:(Name int) *b:(Name str) kw:c:'X'=None **d:(Name Any)) (returns (Sub (Name List) (Name int))) (body (pass)))\n" +
        "(AnnAssign (Name x) (Name int))\n" +
        "(AnnAssign (Name y) (Sub (Name Dict) (Tuple (Name str) (Name int))) (Dict))\n" +
        "(AnnAssign (Attr (Name self) z) (Name int) 1)");
  }

  @Test
  void globalAndNonlocal() {
    assertDump(
        "def f():\n" +
        "    global a, b\n" +
        "    def g():\n" +
        "        nonlocal c\n",
        "(FunctionDef f (params) (body (global (Name a) (Name b)) (FunctionDef g (params) (body (nonlocal (Name c))))))");
  }

  @Test
  void delStatement() {
    assertDump(
        "del a\n" +
        "del a, b.c, d[0]\n" +
        "del (e, f), [g]\n",
        "(del (Name a))\n" +
        "(del (Name a) (Attr (Name b) c) (Sub (Name d) 0))\n" +
        "(del (Tuple (Name e) (Name f)) (List (Name g)))");
  }

  @Test
  void assertStatement() {
    assertDump(
        "assert x\n" +
        "assert x, 'message'\n",
        "(assert (Name x))\n" +
        "(assert (Name x) 'message')");
  }

  @Test
  void raiseFrom() {
    assertDump(
        "raise\n" +
        "raise E\n" +
        "raise E('x') from err\n" +
        "raise E from None\n",
        "(Raise)\n" +
        "(Raise (Name E))\n" +
        "(Raise (Call (Name E) 'x') (from (Name err)))\n" +
        "(Raise (Name E) (from None))");
  }

  @Test
  void tryExceptElseFinally() {
    assertDump(
        "try:\n" +
        "    a\n" +
        "except (A, B) as e:\n" +
        "    b\n" +
        "except C:\n" +
        "    c\n" +
        "except:\n" +
        "    d\n" +
        "else:\n" +
        "    e\n" +
        "finally:\n" +
        "    f\n",
        "(Try (body (Expr (Name a))) (except (Tuple (Name A) (Name B)) as e (body (Expr (Name b)))) (except (Name C) (body (Expr (Name c)))) (except (body (Expr (Name d)))) (else (Expr (Name e))) (finally (Expr (Name f))))");
  }

  @Test
  void exceptStar() {
    assertDump(
        "try:\n" +
        "    a\n" +
        "except* ValueError as eg:\n" +
        "    b\n" +
        "except* (TypeError, KeyError):\n" +
        "    c\n",
        "(Try (body (Expr (Name a))) (except* (Name ValueError) as eg (body (Expr (Name b)))) (except* (Tuple (Name TypeError) (Name KeyError)) (body (Expr (Name c)))))");
  }

  @Test
  void withParenthesisedItems() {
    assertDump(
        "with (open(a) as f, open(b) as g,):\n" +
        "    pass\n" +
        "with (a, b):\n" +
        "    pass\n" +
        "with (yield x) as y:\n" +
        "    pass\n" +
        "with a as (b, c), d as e[0]:\n" +
        "    pass\n",
        "(With (item (Call (Name open) (Name a)) (as (Name f))) (item (Call (Name open) (Name b)) (as (Name g))) (body (pass)))\n" +
        "(With (item (Name a)) (item (Name b)) (body (pass)))\n" +
        "(With (item (Yield (Name x)) (as (Name y))) (body (pass)))\n" +
        "(With (item (Name a) (as (Tuple (Name b) (Name c)))) (item (Name d) (as (Sub (Name e) 0))) (body (pass)))");
  }

  @Test
  void matchLiteralCaptureWildcardValue() {
    assertDump(
        "match x:\n" +
        "    case 1 | -2 | 3.0 | -1+2j | 'a' 'b' | b'c' | None | True | False:\n" +
        "        pass\n" +
        "    case Color.RED:\n" +
        "        pass\n" +
        "    case name:\n" +
        "        pass\n" +
        "    case _:\n" +
        "        pass\n",
        "(Match (Name x) (case <1 | -2 | 3.0 | -1+2j | 'a' 'b' | b'c' | None | True | False> (body (pass))) (case <Color.RED> (body (pass))) (case <name> (body (pass))) (case <_> (body (pass))))");
  }

  @Test
  void matchSequenceMappingClassGroupAsStar() {
    assertDump(
        "match p:\n" +
        "    case (a, b) if a > b:\n" +
        "        pass\n" +
        "    case [first, *rest]:\n" +
        "        pass\n" +
        "    case {'k': v, **others}:\n" +
        "        pass\n" +
        "    case Point(x=0, y=0) | Point(1, 2) as pt:\n" +
        "        pass\n" +
        "    case (1 | 2) as n:\n" +
        "        pass\n" +
        "    case a, *_:\n" +
        "        pass\n" +
        "match a, b:\n" +
        "    case []:\n" +
        "        pass\n",
        "(Match (Name p) (case <(a, b)> (if (Op '>' (Name a) (Name b))) (body (pass))) (case <[first, *rest]> (body (pass))) (case <{'k': v, **others}> (body (pass))) (case <Point(x=0, y=0) | Point(1, 2) as pt> (body (pass))) (case <(1 | 2) as n> (body (pass))) (case <a, *_> (body (pass))))\n" +
        "(Match (Tuple (Name a) (Name b)) (case <[]> (body (pass))))");
  }

  @Test
  void softKeywordsAsNames() {
    assertDump(
        "match = re.match(r'x', s)\n" +
        "match.group(1)\n" +
        "print(match)\n" +
        "case = 1\n" +
        "_ = type(x)\n" +
        "type = 3\n" +
        "match(x)\n" +
        "match[x]\n" +
        "match -x:\n" +
        "    case _:\n" +
        "        pass\n" +
        "def match(case, type): return _\n",
        "(Assign (Name match) (Call (Attr (Name re) match) 'x' (Name s)))\n" +
        "(Expr (Call (Attr (Name match) group) 1))\n" +
        "(Expr (Call (Name print) (Name match)))\n" +
        "(Assign (Name case) 1)\n" +
        "(Assign (Name _) (Call (Name type) (Name x)))\n" +
        "(Assign (Name type) 3)\n" +
        "(Expr (Call (Name match) (Name x)))\n" +
        "(Expr (Sub (Name match) (Name x)))\n" +
        "(Match (Op '-' (Name x)) (case <_> (body (pass))))\n" +
        "(FunctionDef match (params case type) (body (Return (Name _))))");
  }

  @Test
  void asyncAndAwaitAsNamesLikeOldNova() {
    assertDump(
        "def foo(self, async=False, await=None):\n" +
        "    self.async = async\n" +
        "    x.async.y\n" +
        "    rpc.cast(ctxt, 'm', async=True)\n" +
        "    return await\n" +
        "async = 1\n",
        "(FunctionDef foo (params self async=False await=None) (body (Assign (Attr (Name self) async) (Name async)) (Expr (Attr (Attr (Name x) async) y)) (Expr (Call (Attr (Name rpc) cast) (Name ctxt) 'm' async=True)) (Return (Name await))))\n" +
        "(Assign (Name async) 1)");
  }

  @Test
  void nonAsciiIdentifiers() {
    assertDump(
        "café = 1\n" +
        "π = 3.14\n" +
        "名前 = 'x'\n" +
        "def 函数(参数): return 参数\n",
        "(Assign (Name café) 1)\n" +
        "(Assign (Name π) 3.14)\n" +
        "(Assign (Name 名前) 'x')\n" +
        "(FunctionDef 函数 (params 参数) (body (Return (Name 参数))))");
  }

  @Test
  void tabsInIndentation() {
    assertDump(
        "if a:\n" +
        "\tx = 1\n" +
        "\tif b:\n" +
        "\t\ty = 2\n" +
        "\tz = 3\n",
        "(If (Name a) (body (Assign (Name x) 1) (If (Name b) (body (Assign (Name y) 2))) (Assign (Name z) 3)))");
  }

  @Test
  void formFeedAtLineStartResetsColumn() {
    assertDump(
        "\f" +
        "x = 1\n" +
        "if a:\n" +
        "\f" +
        "    y = 2\n" +
        "\f" +
        "\n" +
        "z = 3\n",
        "(Assign (Name x) 1)\n" +
        "(If (Name a) (body (Assign (Name y) 2)))\n" +
        "(Assign (Name z) 3)");
  }

  @Test
  void elifBecomesNestedIf() {
    assertDump(
        "if a:\n" +
        "    x\n" +
        "elif b:\n" +
        "    y\n" +
        "elif c:\n" +
        "    z\n" +
        "else:\n" +
        "    w\n",
        "(If (Name a) (body (Expr (Name x))) (else (If (Name b) (body (Expr (Name y))) (else (If (Name c) (body (Expr (Name z))) (else (Expr (Name w))))))))");
  }

  @Test
  void classWithBasesAndKeywords() {
    assertDump(
        "class A(B, C.D, metaclass=M, **kw):\n" +
        "    x = 1\n" +
        "    def m(self): pass\n" +
        "class E: pass\n",
        "(ClassDef A (bases (Name B) (Attr (Name C) D) metaclass=(Name M) **(Name kw)) (body (Assign (Name x) 1) (FunctionDef m (params self) (body (pass)))))\n" +
        "(ClassDef E (body (pass)))");
  }

  @Test
  void imports() {
    assertDump(
        "import a.b.c as d, e\n" +
        "from . import x\n" +
        "from ..pkg.mod import (y as z,\n" +
        "    w,)\n" +
        "from ... import q\n" +
        "from .m import *\n",
        "(Import a.b.c as d e)\n" +
        "(ImportFrom . x)\n" +
        "(ImportFrom ..pkg.mod y as z w)\n" +
        "(ImportFrom ... q)\n" +
        "(ImportFrom .m *)");
  }

  @Test
  void semicolonsAndSimpleStatements() {
    assertDump(
        "a = 1; b = 2;\n" +
        "while True: break\n" +
        "for x in y: continue\n" +
        "pass\n",
        "(Assign (Name a) 1)\n" +
        "(Assign (Name b) 2)\n" +
        "(While True (body (break)))\n" +
        "(For (Name x) (Name y) (body (continue)))\n" +
        "(pass)");
  }

  @Test
  void operatorsAndPrecedence() {
    assertDump(
        "x = not a or b and c\n" +
        "y = a < b <= c != d not in e is not f in g is h\n" +
        "z = -a ** -b * c // d % e @ f + g - h << i >> j & k ^ l | m\n" +
        "w = a if b else c if d else e\n" +
        "v = ~a + (b or c)\n",
        "(Assign (Name x) (Op 'or' (Op 'not' (Name a)) (Op 'and' (Name b) (Name c))))\n" +
        "(Assign (Name y) (Op '< <= != not in is not in is' (Name a) (Name b) (Name c) (Name d) (Name e) (Name f) (Name g) (Name h)))\n" +
        "(Assign (Name z) (Op '|' (Op '^' (Op '&' (Op '>>' (Op '<<' (Op '-' (Op '+' (Op '@' (Op '%' (Op '//' (Op '*' (Op '-' (Op '**' (Name a) (Op '-' (Name b)))) (Name c)) (Name d)) (Name e)) (Name f)) (Name g)) (Name h)) (Name i)) (Name j)) (Name k)) (Name l)) (Name m)))\n" +
        "(Assign (Name w) (IfExp (Name b) (Name a) (IfExp (Name d) (Name c) (Name e))))\n" +
        "(Assign (Name v) (Op '+' (Op '~' (Name a)) (Op 'or' (Name b) (Name c))))");
  }

  @Test
  void subscriptsAndSlices() {
    assertDump(
        "a[1]\n" +
        "a[1:2]\n" +
        "a[::2]\n" +
        "a[:, None, ...]\n" +
        "a[*b]\n" +
        "a[x:=1]\n" +
        "x = ...\n",
        "(Expr (Sub (Name a) 1))\n" +
        "(Expr (Sub (Name a) (slice 1 2)))\n" +
        "(Expr (Sub (Name a) (slice 2)))\n" +
        "(Expr (Sub (Name a) (Tuple (slice) None ...)))\n" +
        "(Expr (Sub (Name a) (Tuple (Star (Name b)))))\n" +
        "(Expr (Sub (Name a) (Walrus (Name x) 1)))\n" +
        "(Assign (Name x) ...)");
  }

  @Test
  void augmentedAssignmentsAndChains() {
    assertDump(
        "a = b = c = 0\n" +
        "x += 1\n" +
        "x //= 2\n" +
        "x **= 3\n" +
        "x @= m\n" +
        "x >>= 1\n",
        "(Assign (Name a) (Name b) (Name c) 0)\n" +
        "(AugAssign (Name x) += 1)\n" +
        "(AugAssign (Name x) //= 2)\n" +
        "(AugAssign (Name x) **= 3)\n" +
        "(AugAssign (Name x) @= (Name m))\n" +
        "(AugAssign (Name x) >>= 1)");
  }

  @Test
  void typeAliasStatement() {
    assertDump(
        "type Point = tuple[float, float]\n" +
        "type = 1\n",
        "(type (Name Point) (Sub (Name tuple) (Tuple (Name float) (Name float))))\n" +
        "(Assign (Name type) 1)");
  }

  @Test
  void futureImportsAfterTheDocstringAreFine() {
    assertDump("\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nfrom __future__ import (division,\n    print_function)\nimport os\n",
        "(Expr 'Doc.')\n(ImportFrom __future__ annotations)\n(ImportFrom __future__ division print_function)\n(Import os)");
  }

  @Test
  void identifiersAreNfkcNormalised() {
    // U+FB01 LATIN SMALL LIGATURE FI and a fullwidth letter, as CPython reads them
    assertDump("\ufb01le = \uff41\n", "(Assign (Name file) (Name a))");
  }

  // ---------- Python 3.12 to 3.14 ----------

  @Test
  void typeParametersOnFunctionsClassesAndAliases() {
    // PEP 695; the parameters are checked, not kept: the definitions dump as without them
    assertDump(
        "def f[T](x: T) -> T: return x\n" +
        "class C[T: int, U: (str, bytes), *Ts, **P](Base[T]): pass\n" +
        "type Pairs[K, V,] = list[tuple[K, V]]\n" +
        "async def g[T](): pass\n",
        "(FunctionDef f (params x:(Name T)) (returns (Name T)) (body (Return (Name x))))\n" +
        "(ClassDef C (bases (Sub (Name Base) (Name T))) (body (pass)))\n" +
        "(type (Name Pairs) (Sub (Name list) (Sub (Name tuple) (Tuple (Name K) (Name V)))))\n" +
        "(AsyncFunctionDef g (params) (body (pass)))");
  }

  @Test
  void typeParameterDefaults() {
    // PEP 696, a TypeVarTuple's default starred
    assertDump(
        "class Box[T = int]: pass\n" +
        "def f[T = int]() -> T: pass\n" +
        "type A[T: int = bool, *Ts = *tuple[int, ...], **P = [int, str]] = T\n",
        "(ClassDef Box (body (pass)))\n" +
        "(FunctionDef f (params) (returns (Name T)) (body (pass)))\n" +
        "(type (Name A) (Name T))");
  }

  @Test
  void typeStaysAName() {
    assertDump(
        "type = 1\n" +
        "type(x)\n" +
        "type[int]\n" +
        "type.x = 2\n" +
        "def type(type): return type\n" +
        "type type = int\n",
        "(Assign (Name type) 1)\n" +
        "(Expr (Call (Name type) (Name x)))\n" +
        "(Expr (Sub (Name type) (Name int)))\n" +
        "(Assign (Attr (Name type) x) 2)\n" +
        "(FunctionDef type (params type) (body (Return (Name type))))\n" +
        "(type (Name type) (Name int))");
  }

  @Test
  void exceptSeveralTypesWithoutParentheses() {
    // PEP 758: the same tuple as with parentheses; a Python 2 `except E, e:` is now this too
    assertDump(
        "try:\n" +
        "    a\n" +
        "except A, B:\n" +
        "    b\n" +
        "except C,:\n" +
        "    c\n" +
        "except (D, E) as e:\n" +
        "    d\n" +
        "try:\n" +
        "    a\n" +
        "except* F, G.H:\n" +
        "    b\n",
        "(Try (body (Expr (Name a))) (except (Tuple (Name A) (Name B)) (body (Expr (Name b)))) (except (Tuple (Name C)) (body (Expr (Name c)))) (except (Tuple (Name D) (Name E)) as e (body (Expr (Name d)))))\n" +
        "(Try (body (Expr (Name a))) (except* (Tuple (Name F) (Attr (Name G) H)) (body (Expr (Name b)))))");
  }

  @Test
  void fStringsNestSameQuotes() {
    // PEP 701: a quote inside a replacement field opens a string, it does not close the f-string
    assertDump(
        "a = f\"{f\"{f\"{1}\"}\"}\"\n" +
        "b = f'{d['k']}' + f\"{'a' + \"b\"}\"\n" +
        "c = f'{x:{w}.{p}}{y!r:>{w}}{z=}{{}}'\n" +
        "g(f'{\",\".join(xs)}', 2)\n",
        "(Assign (Name a) f'{f\"{f\"{1}\"}\"}')\n" +
        "(Assign (Name b) (Op '+' f'{d[\\'k\\']}' f'{\\'a\\' + \"b\"}'))\n" +
        "(Assign (Name c) f'{x:{w}.{p}}{y!r:>{w}}{z=}{{}}')\n" +
        "(Expr (Call (Name g) f'{\",\".join(xs)}' 2))");
  }

  @Test
  void fStringFieldsTakeBackslashesCommentsAndLineBreaks() {
    assertDump(
        "a = f\"{'\\n'.join(lines)}\"\n" +
        "b = f'{x # a comment\n" +
        "}'\n" +
        "c = f\"{\n" +
        "    x +\n" +
        "    y}\" ; d = 1\n" +
        "e = f'\\{x}\\N{BULLET} {y}'\n",
        "(Assign (Name a) f'{\\'\\\\n\\'.join(lines)}')\n" +
        "(Assign (Name b) f'{x # a comment\\n}')\n" +
        "(Assign (Name c) f'{\\n    x +\\n    y}')\n" +
        "(Assign (Name d) 1)\n" +
        "(Assign (Name e) f'\\\\{x}\\\\N{BULLET} {y}')");
  }

  @Test
  void fStringsKeepLineNumbersAfterThem() {
    assertDump(
        "a = f'{\n" +
        "x}'\n" +
        "def f():\n" +
        "    return f'''{\"\"\"\n" +
        "\"\"\"}'''\n" +
        "b = 2\n",
        "(Assign (Name a) f'{\\nx}')\n" +
        "(FunctionDef f (params) (body (Return f'{\"\"\"\\n\"\"\"}')))\n" +
        "(Assign (Name b) 2)");
    ParseResult r = SourceParser.parseString("<test>", "a = f'{\nx}'\nb = 2\n");
    assertEquals(3, r.module().body().get(1).pos().line());
  }

  @Test
  void fStringFieldsAreExpressionsAsCPythonReadsThem() {
    // each field is parsed (and dropped): starred in a tuple, a trailing comma, a self-documenting
    // '=' (with layout after it), a dict display, line breaks, a parenthesised generator
    assertDump(
        "a = f'{*xs, y}{x,}{x = }{x=!r:>{w}}{ {\"k\": 1}[\"k\"] }'\n" +
        "b = f'{x\n" +
        "+ 1}{(c for c in cs)}{x \\\n" +
        "+ 2}'\n" +
        "c = f\"{1+2 = # a comment\n" +
        "  }{y =\\\n" +
        "}\"\n",
        "(Assign (Name a) f'{*xs, y}{x,}{x = }{x=!r:>{w}}{ {\"k\": 1}[\"k\"] }')\n" +
        "(Assign (Name b) f'{x\\n+ 1}{(c for c in cs)}{x \\\\\\n+ 2}')\n" +
        "(Assign (Name c) f'{1+2 = # a comment\\n  }{y =\\\\\\n}')");
  }

  @Test
  void tStrings() {
    // PEP 750: same rules as f-strings; only t-strings concatenate with t-strings
    assertDump(
        "a = t\"hi {name!r:>{w}}\"\n" +
        "b = rt'\\d{n}' Tr\"{f\"{x}\"}\" T''\n" +
        "c = t'''{\n" +
        "  x}'''\n",
        "(Assign (Name a) t'hi {name!r:>{w}}')\n" +
        "(Assign (Name b) t'\\\\d{n}{f\"{x}\"}')\n" +
        "(Assign (Name c) t'{\\n  x}')");
  }
}
