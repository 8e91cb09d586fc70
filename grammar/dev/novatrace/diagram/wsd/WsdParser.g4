/*
 * One statement (one line) of a websequencediagrams (.wsd) file. Block nesting (alt/else/end),
 * block notes and participant order are the reader's job: it sees the whole file.
 */
parser grammar WsdParser;

options { tokenVocab = WsdLexer; }

line : statement? EOF ;

statement
  : COMMENT                                                         # comment
  | TITLE TEXT?                                                     # title
  | kind=(PARTICIPANT | ACTOR) declName (AS alias=ident)?            # participant
  | from=ident arrow shorthand=(PLUS | MINUS)? to=ident (COLON TEXT?)?   # message
  | NOTE notePlace participants (COLON TEXT?)?                      # note
  | STATE OVER participants (COLON TEXT?)?                          # state
  | REF OVER participants (COLON TEXT?)?                            # ref
  | action=(ACTIVATE | DEACTIVATE | DESTROY) ident                   # lifeline
  | kind=(ALT | OPT | LOOP | PAR) TEXT?                             # blockStart
  | ELSE TEXT?                                                      # else
  | END TEXT?                                                       # end
  | AUTONUMBER ident?                                               # autonumber
  ;

/* "participant Nova API as api": people leave out the quotes, so several words are one label. */
declName : declPart+ ;
declPart : NAME | QUOTED | PARTICIPANT | ACTOR | NOTE | OVER | LEFT | RIGHT | OF | STATE | REF
         | ACTIVATE | DEACTIVATE | DESTROY | AUTONUMBER ;

notePlace : OVER | LEFT OF | RIGHT OF ;

participants : ident (COMMA ident)* ;

arrow : SYNC | REPLY | ASYNC | ASYNC_REPLY ;

ident : declPart | AS ;
