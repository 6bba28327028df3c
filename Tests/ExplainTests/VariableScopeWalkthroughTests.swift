import Testing
import Terminal
@testable import Explain

/// `explain variable-scope` in both languages (prose reviewed by hand). Every name, `is` result and error message was
/// checked against real TensorFlow 2.21 (tf.compat.v1, v2 behaviour disabled): the snippet prints the same under
/// /work/venv/bin/python as under `tensorprep run` (Scripts/check_explain_snippets.sh); the "already exists" message is
/// the first line of TensorFlow's, which goes on with the traceback of the original definition.
struct VariableScopeWalkthroughTests {
    func rendered(_ language: ExplainLanguage, _ configure: (inout ExplainRequest) -> Void = { _ in }) throws -> String {
        try renderedPlain("variable-scope", language, configure)
    }

    @Test func englishPlain() throws {
        #expect(try rendered(.en) == EN + "\n")
    }

    @Test func chinesePlain() throws {
        #expect(try rendered(.zh) == ZH + "\n")
    }

    @Test func errorsAreMiniTFsMessages() throws {
        let w = try Explainer.explain("variable-scope", ExplainRequest())
        #expect(w.output.contains("ValueError: Variable vs/g already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:"))
        #expect(w.output.contains("ValueError: Variable vs/missing does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?"))
        #expect(w.output.first == "ns/v:0 g:0")
        #expect(w.framework == "TensorFlow 1")
    }
}

private let EN = """
    tf.Variable vs tf.get_variable under name_scope / variable_scope (TF1 graph mode, computed by MiniTF)

    1. Names: name_scope prefixes tf.Variable and operations; get_variable follows the variable_scope only
        inside                   call                             name
        name_scope('ns')         tf.Variable(1.0, name='v')       ns/v:0
        name_scope('ns')         tf.get_variable('g', shape=[2])  g:0           name scope 'ns' ignored
        variable_scope('vs')     tf.Variable(1.0, name='v')       vs/v:0
        variable_scope('vs')     tf.get_variable('g', shape=[2])  vs/g:0
          + name_scope('inner')  tf.Variable(1.0, name='v')       vs/inner/v:0
          + name_scope('inner')  tf.get_variable('h', shape=[2])  vs/h:0        name scope 'vs/inner' ignored
          + name_scope('inner')  tf.add(v, 1.0, name='s')         vs/inner/s:0  an operation: both scopes
      variable_scope('vs') also opens a name scope 'vs', which is why tf.Variable inside it gets vs/ too.

    2. tf.Variable always creates a new variable; a clashing name is made unique:
        tf.Variable(2.0, name='v')  → v:0
        tf.Variable(3.0, name='v')  → v_1:0

    3. get_variable looks the full name (variable scope + name) up in the graph's variable store; reuse decides what happens:
        reuse          call in variable_scope('vs')  result
        default        get_variable('g')             ValueError: Variable vs/g already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
        True           get_variable('g')             the same object vs/g:0  (is g2: True)
        True           get_variable('missing')       ValueError: Variable vs/missing does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?
        tf.AUTO_REUSE  get_variable('g')             the same object  (is g2: True)
        tf.AUTO_REUSE  get_variable('k')             created vs/k:0
      Variables in the graph now: 9 (tf.global_variables()); only tf.Variable and a first get_variable add one.

    The same in TensorFlow 1 (`tensorprep run` prints the same):
        import tensorflow as tf
        with tf.name_scope('ns'):
            v1 = tf.Variable(1.0, name='v')
            g1 = tf.get_variable('g', shape=[2])
        with tf.variable_scope('vs'):
            v2 = tf.Variable(1.0, name='v')
            g2 = tf.get_variable('g', shape=[2])
            with tf.name_scope('inner'):
                v3 = tf.Variable(1.0, name='v')
                g3 = tf.get_variable('h', shape=[2])
                s = tf.add(v3, 1.0, name='s')
        print(v1.name, g1.name)
        print(v2.name, g2.name)
        print(v3.name, g3.name, s.name)
        a = tf.Variable(2.0, name='v')
        b = tf.Variable(3.0, name='v')
        print(a.name, b.name)
        try:
            with tf.variable_scope('vs'):
                tf.get_variable('g', shape=[2])
        except ValueError as e:
            print('ValueError:', str(e).split('\\n')[0])
        with tf.variable_scope('vs', reuse=True):
            g4 = tf.get_variable('g', shape=[2])
        print(g4 is g2, g4.name)
        try:
            with tf.variable_scope('vs', reuse=True):
                tf.get_variable('missing', shape=[2])
        except ValueError as e:
            print('ValueError:', e)
        with tf.variable_scope('vs', reuse=tf.AUTO_REUSE):
            g5 = tf.get_variable('g', shape=[2])
            k = tf.get_variable('k', shape=[2])
        print(g5 is g2, k.name)
        print(len(tf.global_variables()))
    It prints:
        ns/v:0 g:0
        vs/v:0 vs/g:0
        vs/inner/v:0 vs/h:0 vs/inner/s:0
        v:0 v_1:0
        ValueError: Variable vs/g already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
        True vs/g:0
        ValueError: Variable vs/missing does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?
        True vs/k:0
        9
    """

private let ZH = """
    tf.Variable 與 tf.get_variable 在 name_scope / variable_scope 下（TF1 圖模式，由 MiniTF 計算）

    1. 命名：name_scope 會加在 tf.Variable 與運算前面；get_variable 只看 variable_scope
        所在範圍                 呼叫                             名稱
        name_scope('ns')         tf.Variable(1.0, name='v')       ns/v:0
        name_scope('ns')         tf.get_variable('g', shape=[2])  g:0           忽略 name scope 'ns'
        variable_scope('vs')     tf.Variable(1.0, name='v')       vs/v:0
        variable_scope('vs')     tf.get_variable('g', shape=[2])  vs/g:0
          + name_scope('inner')  tf.Variable(1.0, name='v')       vs/inner/v:0
          + name_scope('inner')  tf.get_variable('h', shape=[2])  vs/h:0        忽略 name scope 'vs/inner'
          + name_scope('inner')  tf.add(v, 1.0, name='s')         vs/inner/s:0  運算：兩種 scope 都加
      variable_scope('vs') 同時開了名為 'vs' 的 name scope，所以其中的 tf.Variable 也有 vs/ 前綴。

    2. tf.Variable 一定建立新變數；名稱衝突時自動改名：
        tf.Variable(2.0, name='v')  → v:0
        tf.Variable(3.0, name='v')  → v_1:0

    3. get_variable 以完整名稱（variable scope + 名稱）查圖的變數表；reuse 決定結果：
        reuse          在 variable_scope('vs') 內呼叫  結果
        預設           get_variable('g')               ValueError: Variable vs/g already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
        True           get_variable('g')               同一個物件 vs/g:0  (is g2: True)
        True           get_variable('missing')         ValueError: Variable vs/missing does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?
        tf.AUTO_REUSE  get_variable('g')               同一個物件  (is g2: True)
        tf.AUTO_REUSE  get_variable('k')               建立 vs/k:0
      圖中現在的變數：9 個（tf.global_variables()）；只有 tf.Variable 與第一次 get_variable 會新增。

    等價的 TensorFlow 1 程式（`tensorprep run` 印出相同結果）：
        import tensorflow as tf
        with tf.name_scope('ns'):
            v1 = tf.Variable(1.0, name='v')
            g1 = tf.get_variable('g', shape=[2])
        with tf.variable_scope('vs'):
            v2 = tf.Variable(1.0, name='v')
            g2 = tf.get_variable('g', shape=[2])
            with tf.name_scope('inner'):
                v3 = tf.Variable(1.0, name='v')
                g3 = tf.get_variable('h', shape=[2])
                s = tf.add(v3, 1.0, name='s')
        print(v1.name, g1.name)
        print(v2.name, g2.name)
        print(v3.name, g3.name, s.name)
        a = tf.Variable(2.0, name='v')
        b = tf.Variable(3.0, name='v')
        print(a.name, b.name)
        try:
            with tf.variable_scope('vs'):
                tf.get_variable('g', shape=[2])
        except ValueError as e:
            print('ValueError:', str(e).split('\\n')[0])
        with tf.variable_scope('vs', reuse=True):
            g4 = tf.get_variable('g', shape=[2])
        print(g4 is g2, g4.name)
        try:
            with tf.variable_scope('vs', reuse=True):
                tf.get_variable('missing', shape=[2])
        except ValueError as e:
            print('ValueError:', e)
        with tf.variable_scope('vs', reuse=tf.AUTO_REUSE):
            g5 = tf.get_variable('g', shape=[2])
            k = tf.get_variable('k', shape=[2])
        print(g5 is g2, k.name)
        print(len(tf.global_variables()))
    輸出：
        ns/v:0 g:0
        vs/v:0 vs/g:0
        vs/inner/v:0 vs/h:0 vs/inner/s:0
        v:0 v_1:0
        ValueError: Variable vs/g already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
        True vs/g:0
        ValueError: Variable vs/missing does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?
        True vs/k:0
        9
    """
