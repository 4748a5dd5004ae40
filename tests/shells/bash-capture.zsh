# zsh -f bash-capture.zsh SCRIPT LINE: what bash's readline offers for LINE, the cursor at its end, one match a
# line, with the completion SCRIPT sourced. An interactive bash on a pseudo-terminal (zsh's zpty) is typed LINE
# and readline's possible-completions, set to list one match a line (completion-display-width 0); the line is
# then cleared and a marker echoed to end the list.
zmodload zsh/zpty || exit 3
script=$1 line=$2
# readline lists nothing on a terminal it does not know (TERM unset or dumb).
zpty b env TERM=vt100 bash --norc --noprofile -i
# The prompt says when readline reads keys: typed earlier, the line discipline would take ^U itself. Written in
# two pieces, so that the echo of this command does not look like the prompt.
zpty -w b "PS1='PLAN-''READY> '; PS2=''; bind 'set enable-bracketed-paste off'; bind 'set completion-display-width 0'; bind 'set completion-query-items 0'; bind 'set page-completions off'; bind 'set bell-style none'; bind '\"\\C-x\\C-l\": possible-completions'; source ${(q)script}"
zpty -r b out '*PLAN-READY> ' || exit 4
zpty -w -n b "$line"$'\C-x\C-l\C-u'
zpty -w b 'echo END''OFLIST'
while zpty -r b out; do
  out=${${out//$'\r'/}%$'\n'}
  [[ $out == ENDOFLIST* ]] && break
  [[ -n $out && $out != *PLAN-READY\>* ]] && print -r -- "$out"
done
zpty -d b
