/*
 * Python 3.14 tokens, written from "The Python Language Reference", chapter 2 (Lexical analysis).
 *
 * Layout (NEWLINE, INDENT, DEDENT, implicit joining inside brackets, blank lines) is not decided
 * here: the raw NEWLINE token below carries the next line's leading whitespace, and
 * PythonLexerBase turns it into the logical-line tokens. The source is expected with line ends
 * already normalised to '\n' (Python's universal newlines), which SourceDecoder does.
 */
lexer grammar PythonLexer;

options { superClass = PythonLexerBase; }

tokens { INDENT, DEDENT }

// ---- keywords (hard) ----
FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

// ---- words the parser also accepts as plain names ----
// async/await are keywords since 3.7, but older Nova uses them as parameter and attribute names;
// match/case/type are soft keywords.
ASYNC : 'async';
AWAIT : 'await';
MATCH : 'match';
CASE  : 'case';
TYPE  : 'type';

// ---- literals ----
STRING
  : STRING_PREFIX? ( SHORT_STRING_SQ | SHORT_STRING_DQ | LONG_STRING_SQ | LONG_STRING_DQ )
  ;

// An f-string or t-string (PEP 701, PEP 750): only its opening is matched here. Replacement
// fields nest arbitrarily (same quotes, comments, line breaks), which no regular rule can
// express; PythonLexerBase scans the rest (FStringScanner) and hands on one STRING token.
FSTRING_START : FT_PREFIX ( '\'\'\'' | '"""' | '\'' | '"' ) ;

NUMBER
  : INTEGER
  | FLOAT_NUMBER
  | ( FLOAT_NUMBER | DIGIT_PART ) [jJ]
  ;

NAME : ID_START ID_CONTINUE* ;

// ---- operators and delimiters ----
LPAR     : '(';
RPAR     : ')';
LSQB     : '[';
RSQB     : ']';
LBRACE   : '{';
RBRACE   : '}';
COMMA    : ',';
COLON    : ':';
SEMI     : ';';
DOT      : '.';
ELLIPSIS : '...';
ARROW    : '->';
AT       : '@';
ASSIGN   : '=';
WALRUS   : ':=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
POWER    : '**';
SLASH    : '/';
FLOORDIV : '//';
PERCENT  : '%';
LSHIFT   : '<<';
RSHIFT   : '>>';
AMPER    : '&';
VBAR     : '|';
CIRCUMFLEX : '^';
TILDE    : '~';
LT       : '<';
GT       : '>';
EQ       : '==';
NE       : '!=';
LE       : '<=';
GE       : '>=';
AUGASSIGN
  : '+=' | '-=' | '*=' | '@=' | '/=' | '//=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**='
  ;

// ---- layout ----
// A line end plus the next line's indentation; PythonLexerBase decides what it means.
NEWLINE : '\n' [ \t\f]* ;

WS        : [ \t\f]+ -> skip;
COMMENT   : '#' ~[\n]* -> skip;
LINE_JOIN : '\\' '\n' -> skip;

// ---- fragments ----
// Any case, any of the prefixes Python 3 knows. Raw strings still let a backslash protect the
// quote that follows it, so one body rule serves raw and cooked strings alike.
fragment STRING_PREFIX
  : [rRuUbB]
  | [rR] [bB]
  | [bB] [rR]
  ;
fragment FT_PREFIX
  : [fFtT]
  | [rR] [fFtT]
  | [fFtT] [rR]
  ;

fragment SHORT_STRING_SQ : '\'' ( '\\' . | ~[\\\n'] )* '\'' ;
fragment SHORT_STRING_DQ : '"' ( '\\' . | ~[\\\n"] )* '"' ;
fragment LONG_STRING_SQ  : '\'\'\'' ( '\\' . | ~'\\' )*? '\'\'\'' ;
fragment LONG_STRING_DQ  : '"""' ( '\\' . | ~'\\' )*? '"""' ;

// Leading zeros in a non-zero decimal integer are not Python 3 ("0777" lexes as 0 then 777, a
// syntax error, which is what we want for Python 2 files).
fragment INTEGER
  : NON_ZERO_DIGIT ( '_'? DIGIT )*
  | '0'+ ( '_'? '0' )*
  | '0' [xX] ( '_'? [0-9a-fA-F] )+
  | '0' [oO] ( '_'? [0-7] )+
  | '0' [bB] ( '_'? [01] )+
  ;

fragment FLOAT_NUMBER
  : POINT_FLOAT
  | ( DIGIT_PART | POINT_FLOAT ) [eE] [+-]? DIGIT_PART
  ;

fragment POINT_FLOAT : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.' ;
fragment DIGIT_PART  : DIGIT ( '_'? DIGIT )* ;
fragment DIGIT       : [0-9] ;
fragment NON_ZERO_DIGIT : [1-9] ;

// PEP 3131: identifiers start with a letter-like character (XID_Start) or underscore.
fragment ID_START    : [_\p{XID_Start}] ;
fragment ID_CONTINUE : [_\p{XID_Continue}] ;
