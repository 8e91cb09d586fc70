/*
 * blockdiag's seqdiag language, as Nova's documentation writes its sequence diagrams
 * (doc/source/_static/images/*.dia): a seqdiag { } block of participants, graph attributes,
 * edges with attribute lists and optional nested edges, separators and groups.
 */
grammar Seqdiag;

diagram : (SEQDIAG | DIAGRAM) name? LBRACE statement* RBRACE SEMI* EOF ;

statement
  : edge                                                   # edgeStatement
  | SEPARATOR SEMI*                                        # separator
  | DELAY SEMI*                                            # delay
  | key=name EQ value SEMI*                                # graphAttribute
  | name attributes? SEMI*                                 # node
  | GROUP name? LBRACE statement* RBRACE SEMI*             # group
  ;

/* A -> B [label = "x"] { nested edges, drawn while B is active }; */
edge : from=name arrow to=name attributes? (LBRACE statement* RBRACE)? SEMI* ;

arrow : CALL | CALL_RETURN | ASYNC | REPLY | ASYNC_REPLY
      | BACK_CALL | BACK_ASYNC | BACK_REPLY | BACK_ASYNC_REPLY ;

attributes : LBRACKET (attribute (COMMA attribute)* COMMA?)? RBRACKET ;

attribute : key=name (EQ value)? ;

value : STRING | name | NUMBER ;

/* Keywords are names too where a name is expected ("group" as a participant). */
name : ID | STRING | NUMBER | SEQDIAG | DIAGRAM | GROUP ;

SEQDIAG : 'seqdiag' ;
DIAGRAM : 'diagram' ;
GROUP : 'group' ;

/* Longest first: ANTLR takes the longest match, so '-->>' wins over '-->' and '->'. */
ASYNC_REPLY : '-->>' ;
REPLY : '-->' ;
ASYNC : '->>' ;
CALL : '->' ;
CALL_RETURN : '=>' ;
BACK_ASYNC_REPLY : '<<--' ;
BACK_REPLY : '<--' ;
BACK_ASYNC : '<<-' ;
BACK_CALL : '<-' ;

SEPARATOR : '===' ~[\r\n]*? '===' ;
DELAY : '...' ~[\r\n]*? '...' ;

LBRACE : '{' ;
RBRACE : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA : ',' ;
SEMI : ';' ;
EQ : '=' ;

NUMBER : '-'? [0-9]+ ('.' [0-9]+)? ;

/* Names may hold '-' and '.', as in nova-api or Compute.api, but not the '-' of an arrow. */
ID : NAME_CHAR+ (('-' | '.') NAME_CHAR+)* ;
fragment NAME_CHAR : [A-Za-z0-9_\u0080-\uFFFF] ;

/* Quoted strings may span lines. */
STRING : '"' ('\\' . | ~["\\])* '"' | '\'' ('\\' . | ~['\\])* '\'' ;

LINE_COMMENT : ('//' | '#') ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\u000C\uFEFF]+ -> skip ;
