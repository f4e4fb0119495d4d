// What a library user gets (issue 13): the README example runs from the artifact alone, and no
// command-line-only dependency or logging binding reaches them.
def out = new File(basedir, 'target/example-output.txt').getText('UTF-8')
assert out.contains("000_6e15c3caa4eb7126: 50 entities, the first is 'Belarus'") : out
assert out.contains('dates: relaxed F1 1.0000, value F1 1.0000') : out
assert out.contains('nli: accuracy interval 1.0 to 1.0, predictions ') : out
def tree = new File(basedir, 'target/dependency-tree.txt').getText('UTF-8')
assert tree.contains('org.corpusbench:corpusbench:jar:') : tree
// and no Hadoop: Parquet is written without it (issue 14)
for (banned in ['info.picocli', 'me.tongfei', 'org.jline', 'slf4j-nop', 'slf4j-simple', 'logback', 'log4j-slf4j',
        'org.apache.hadoop']) {
    assert !tree.contains(banned) : "the consumer receives ${banned}:\n${tree}"
}
// one Jackson release line for every Jackson module (annotations are versioned without the patch)
def jackson = (tree =~ /com\.fasterxml\.jackson\.[a-z]+:[a-z-]+:jar:(\d+\.\d+)/).collect { it[1] }.unique()
assert jackson.size() == 1 : "Jackson modules of several release lines: ${jackson}\n${tree}"
return true
