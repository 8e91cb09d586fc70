/*
 * Tokens of one line of a websequencediagrams (.wsd) file.
 *
 * The reader feeds this lexer one line at a time: the language is line-oriented, and block notes
 * ("note over A" ... "end note") hold free text that the reader collects itself. Everything after
 * a ':' and after the keywords that take free text (title, alt, else, opt, loop, par, end) is read
 * in TEXT_MODE as one token, so texts may hold '->', ',', '#' or keywords.
 */
lexer grammar WsdLexer;

options { caseInsensitive = true; }

WS : [ \t\f\u00A0\uFEFF]+ -> skip ;

/* A whole-line comment; '#' inside a text is text (see TEXT_MODE). */
COMMENT : '#' ~[\r\n]* ;

/* Keywords followed by free text. A longer NAME ("alternate", "endpoint") still wins. */
TITLE : 'title' -> pushMode(TEXT_MODE) ;
ALT   : 'alt'   -> pushMode(TEXT_MODE) ;
ELSE  : 'else'  -> pushMode(TEXT_MODE) ;
OPT   : 'opt'   -> pushMode(TEXT_MODE) ;
LOOP  : 'loop'  -> pushMode(TEXT_MODE) ;
PAR   : 'par'   -> pushMode(TEXT_MODE) ;
END   : 'end'   -> pushMode(TEXT_MODE) ;

/* Keywords that may also serve as participant names (see WsdParser.ident). */
PARTICIPANT : 'participant' ;
ACTOR       : 'actor' ;
AS          : 'as' ;
NOTE        : 'note' ;
OVER        : 'over' ;
LEFT        : 'left' ;
RIGHT       : 'right' ;
OF          : 'of' ;
STATE       : 'state' ;
REF         : 'ref' ;
ACTIVATE    : 'activate' ;
DEACTIVATE  : 'deactivate' ;
DESTROY     : 'destroy' ;
AUTONUMBER  : 'autonumber' ;

ASYNC_REPLY : '-->>' ;
REPLY       : '-->' ;
ASYNC       : '->>' ;
SYNC        : '->' ;
PLUS        : '+' ;
MINUS       : '-' ;
COMMA       : ',' ;
COLON       : ':' -> pushMode(TEXT_MODE) ;

QUOTED : '"' ~["\r\n]* '"' ;

/* nova_api, nova-compute, oslo.messaging, 10.0.0.1, unicode: a '-' only between name characters. */
NAME : NAME_CHAR+ ('-' NAME_CHAR+)* ;
fragment NAME_CHAR : ~[ \t\f\r\n\-+>:,"#] ;

/* Anything else becomes a parser error with a position rather than a lexer message on stderr. */
UNKNOWN : . ;

mode TEXT_MODE;

TEXT : ~[\r\n]+ ;
