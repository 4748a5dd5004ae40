# zsh -f zsh-capture.zsh SCRIPT LINE: what zsh's completion system offers for LINE, the cursor at its end, one match
# a line, with the completion SCRIPT loaded after compinit. An interactive zsh on a pseudo-terminal (zpty) is
# typed LINE and a Tab; compadd, wrapped, prints the matches it keeps (after zsh's own matching against what is
# typed), between two NUL lines that the completion system's pre and post hooks write. The idea is that of
# Valodim/zsh-capture-completion.
zmodload zsh/zpty || exit 3
script=$1 line=$2
zpty z zsh -f -i
zpty -w z "PROMPT=''; autoload -Uz compinit; compinit -u -D; source ${(q)script}"
zpty -w z 'bindkey "^I" complete-word; zstyle ":completion:*" insert-tab false'
zpty -w z 'null-line() { print -rn -- $'"'"'\0\n'"'"' }; compprefuncs=(null-line); comppostfuncs=(null-line exit)'
# Calls that only ask for matches (-O, -A, -D) pass through; the others add theirs and print them.
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) && print -rl -- MATCH:${^__hits} }'
zpty -w -n z "$line"$'\t'
integer nulls=0
while zpty -r z out; do
  [[ $out == *$'\0'* ]] && (( ++nulls == 2 )) && break
  (( nulls == 1 )) && [[ $out == MATCH:* ]] && print -r -- ${${out#MATCH:}%$'\r'*}
done
zpty -d z
