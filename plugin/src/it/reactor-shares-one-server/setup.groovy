// The build gets a temporary folder of its own, so that verify.groovy sees its servers, data folders and server
// registry only (other builds on the machine use the common one). zonky's unpacked binaries stay where they are.
def tmp = new File(basedir, 'tmp')
tmp.mkdirs()
def common = new File(System.getProperty('java.io.tmpdir'), 'embedded-pg')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/jvm.config').text = "-Djava.io.tmpdir=${tmp.absolutePath} -Dot.epg.working-dir=${common.absolutePath}\n"
return true
