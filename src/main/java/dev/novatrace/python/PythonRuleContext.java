package dev.novatrace.python;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Base of the generated parse-tree nodes. ANTLR starts every child list at ten slots; ours mostly
 * hold one to three children (a precedence chain is a line of one-child nodes), and those lists
 * were the parser's largest allocation.
 */
public class PythonRuleContext extends ParserRuleContext {

  public PythonRuleContext() {}

  public PythonRuleContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) {
      children = new ArrayList<>(2);
    }
    children.add(t);
    return t;
  }
}
