/*
 * Python 3.14 syntax, written from "The Python Language Reference" (chapters 6-8 and the full
 * grammar specification), reshaped for ANTLR's SLL prediction:
 *  - expressions are a short precedence chain whose levels are loops, so almost every decision
 *    is LL(1); `and`/`or` and the binary operators are each one flat rule (fewer parse-tree
 *    nodes), and the AST builder applies their precedence;
 *  - assignment targets, walrus targets and keyword-argument names are parsed as expressions or
 *    names and checked by the AST builder rather than with long lookahead;
 *  - dict and set displays are left-factored after their first element;
 *  - soft keywords (match, case, type) and the pre-3.7 names async/await are tokens that the
 *    `name` rule also accepts, so `match = re.match(x)` and `def f(async=False)` parse.
 */
parser grammar PythonParser;

options { tokenVocab = PythonLexer; contextSuperClass = PythonRuleContext; }

// ================= statements =================

file_input : ( NEWLINE | stmt )* EOF ;

stmt : compound_stmt | simple_stmts ;

simple_stmts : simple_stmt ( SEMI simple_stmt )* SEMI? NEWLINE ;

simple_stmt
  : type_alias
  | expr_stmt
  | yield_expr
  | return_stmt
  | import_name
  | import_from
  | raise_stmt
  | PASS
  | del_stmt
  | assert_stmt
  | BREAK
  | CONTINUE
  | global_stmt
  | nonlocal_stmt
  ;

// One rule for expression statements and every assignment form; the builder sorts them out.
expr_stmt
  : star_expressions
    ( COLON expression ( ASSIGN assign_value )?              // annotated assignment
    | AUGASSIGN assign_value                                 // augmented assignment
    | ( ASSIGN assign_value )*                               // plain assignment chain / expression
    )
  ;

assign_value : yield_expr | star_expressions ;

// PEP 695 type parameters with PEP 696 defaults; default order is checked by the builder.
type_alias : TYPE name type_params? ASSIGN expression ;
type_params : LSQB type_param ( COMMA type_param )* COMMA? RSQB ;
type_param
  : name ( COLON expression )? ( ASSIGN expression )?
  | STAR name ( ASSIGN star_expression )?
  | POWER name ( ASSIGN expression )?
  ;

return_stmt : RETURN star_expressions? ;
raise_stmt : RAISE ( expression ( FROM expression )? )? ;
del_stmt : DEL targets ;
assert_stmt : ASSERT expression ( COMMA expression )? ;
global_stmt : GLOBAL name ( COMMA name )* ;
nonlocal_stmt : NONLOCAL name ( COMMA name )* ;

import_name : IMPORT dotted_as_name ( COMMA dotted_as_name )* ;
dotted_as_name : dotted_name ( AS name )? ;
dotted_name : name ( DOT name )* ;

import_from
  : FROM ( import_dots* dotted_name | import_dots+ ) IMPORT
    ( STAR | LPAR import_as_names COMMA? RPAR | import_as_names )
  ;
import_dots : DOT | ELLIPSIS ;
import_as_names : import_as_name ( COMMA import_as_name )* ;
import_as_name : name ( AS name )? ;

compound_stmt
  : if_stmt
  | while_stmt
  | for_stmt
  | try_stmt
  | with_stmt
  | funcdef
  | classdef
  | decorated
  | async_stmt
  | match_stmt
  ;

async_stmt : ASYNC ( funcdef | with_stmt | for_stmt ) ;

block : simple_stmts | NEWLINE INDENT stmt+ DEDENT ;

if_stmt : IF named_expression COLON block elif_clause* else_clause? ;
elif_clause : ELIF named_expression COLON block ;
else_clause : ELSE COLON block ;

while_stmt : WHILE named_expression COLON block else_clause? ;

for_stmt : FOR targets IN star_expressions COLON block else_clause? ;

try_stmt
  : TRY COLON block
    ( except_clause+ else_clause? finally_clause?
    | finally_clause
    )
  ;
// PEP 758: several types without parentheses, but only without `as`.
except_clause : EXCEPT ( STAR? expression ( AS name | ( COMMA expression )* COMMA? ) )? COLON block ;
finally_clause : FINALLY COLON block ;

// `with (a, b):` is both a parenthesised item list and a tuple; the list comes first so the
// ambiguity resolves to it, as in CPython.
with_stmt
  : WITH ( LPAR with_item ( COMMA with_item )* COMMA? RPAR | with_item ( COMMA with_item )* )
    COLON block
  ;
with_item : expression ( AS target )? ;

decorated : decorator+ ( classdef | funcdef | async_stmt ) ;
decorator : AT named_expression NEWLINE ;

funcdef : DEF name type_params? LPAR parameters? RPAR ( ARROW expression )? COLON block ;

// Order rules (/ before *, defaults after non-defaults) are checked by the builder.
parameters : param ( COMMA param )* COMMA? ;
param
  : name ( COLON expression )? ( ASSIGN expression )?
  | SLASH
  | STAR ( name ( COLON ( expression | star_expr ) )? )?
  | POWER name ( COLON expression )?
  ;

classdef : CLASS name type_params? ( LPAR arglist? RPAR )? COLON block ;

// ---- match statement (PEP 634); patterns are kept as source ranges ----
match_stmt : MATCH subject COLON NEWLINE INDENT case_block+ DEDENT ;
subject : star_named_expression ( COMMA star_named_expression )* COMMA? ;
case_block : CASE patterns ( IF named_expression )? COLON block ;

patterns : star_pattern ( COMMA star_pattern )* COMMA? ;
star_pattern : STAR name | pattern ;
pattern : or_pattern ( AS name )? ;
or_pattern : closed_pattern ( VBAR closed_pattern )* ;
closed_pattern
  : literal_pattern
  | name_or_attr ( LPAR class_pattern_args? RPAR )?
  | LPAR patterns? RPAR
  | LSQB patterns? RSQB
  | LBRACE mapping_items? RBRACE
  ;
literal_pattern
  : MINUS? NUMBER ( ( PLUS | MINUS ) NUMBER )?
  | STRING+
  | NONE
  | TRUE
  | FALSE
  ;
name_or_attr : name ( DOT name )* ;
class_pattern_args : class_pattern_arg ( COMMA class_pattern_arg )* COMMA? ;
class_pattern_arg : name ASSIGN pattern | pattern ;
mapping_items : mapping_item ( COMMA mapping_item )* COMMA? ;
mapping_item : ( literal_pattern | name_or_attr ) COLON pattern | POWER name ;

// ================= expressions =================

star_expressions : star_expression ( COMMA star_expression )* COMMA? ;
star_expression : star_expr | expression ;
star_expr : STAR bitor ;

star_named_expression : star_expr | named_expression ;

named_expression : expression ( WALRUS expression )? ;

expression
  : disjunction ( IF disjunction ELSE expression )?
  | lambdef
  ;

lambdef : LAMBDA lambda_parameters? COLON expression ;
lambda_parameters : lambda_param ( COMMA lambda_param )* COMMA? ;
lambda_param
  : name ( ASSIGN expression )?
  | SLASH
  | STAR name?
  | POWER name
  ;

// `and`/`or` and the binary operators are flat loops: one rule invocation for a whole chain
// instead of one per precedence level per operand; the AST builder applies the precedence.
disjunction : inversion ( ( OR | AND ) inversion )* ;
inversion : NOT inversion | comparison ;
comparison : bitor ( comp_op bitor )* ;
comp_op : LT | GT | EQ | GE | LE | NE | IN | NOT IN | IS | IS NOT ;
bitor
  : factor
    ( ( VBAR | CIRCUMFLEX | AMPER | LSHIFT | RSHIFT | PLUS | MINUS | STAR | SLASH | FLOORDIV | PERCENT | AT )
      factor
    )*
  ;
factor : ( PLUS | MINUS | TILDE ) factor | power ;
// The atom rule does not take `await` as a name, so this choice is LL(1); after AWAIT, an operand
// makes an await expression, and no operand (`return await`, `await.x`) the pre-3.7 name.
power : ( AWAIT await_operand | primary ) ( POWER factor )? ;
await_operand : primary | trailer* ;
primary : atom trailer* ;

trailer
  : LPAR arglist? RPAR
  | LSQB slices RSQB
  | DOT name
  ;

atom
  : atom_name
  | NUMBER
  | STRING+
  | NONE
  | TRUE
  | FALSE
  | ELLIPSIS
  | LPAR ( yield_expr | testlist_comp )? RPAR
  | LSQB testlist_comp? RSQB
  | LBRACE dict_or_set? RBRACE
  ;

name : NAME | MATCH | CASE | TYPE | ASYNC | AWAIT ;
atom_name : NAME | MATCH | CASE | TYPE | ASYNC ;

testlist_comp : star_named_expression ( comp_for | ( COMMA star_named_expression )* COMMA? ) ;

// Left-factored: the first element decides between dict and set.
dict_or_set
  : POWER bitor dict_rest
  | star_expr set_rest
  | named_expression ( COLON expression dict_rest | set_rest )
  ;
dict_rest : comp_for | ( COMMA dict_item )* COMMA? ;
dict_item : expression COLON expression | POWER bitor ;
set_rest : comp_for | ( COMMA star_named_expression )* COMMA? ;

comp_for : ASYNC? FOR targets IN disjunction comp_iter* ;
comp_iter : ASYNC? FOR targets IN disjunction | IF disjunction ;

arglist : argument ( COMMA argument )* COMMA? ;
argument
  : name ASSIGN expression
  | STAR expression
  | POWER expression
  | named_expression comp_for?
  ;

slices : slice ( COMMA slice )* COMMA? ;
slice
  : named_expression ( COLON expression? ( COLON expression? )? )?
  | COLON expression? ( COLON expression? )?
  | star_expr
  ;

yield_expr : YIELD ( FROM expression | star_expressions )? ;

// Targets of for, del, with-as and comprehensions: below comparisons, so `in` ends them.
targets : target ( COMMA target )* COMMA? ;
target : STAR? bitor ;
