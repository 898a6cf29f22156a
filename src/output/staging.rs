//! Making a run's output appear whole: tables are written into one temporary directory beside
//! the output directory and switched in with one rename, so that a reader sees either every
//! table of the previous run or every table of this one, never a mixture. What an interrupted
//! run leaves (`.gongwen-<pid>-….tmp`) is removed by the next run once its process is gone.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary paths of this process not yet switched in or removed. A signal handler removes
/// them ([`remove_pending`]); it is process-wide because signals are.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|p| p.into_inner())
}

pub(crate) fn register(path: &Path) {
    pending().push(path.to_path_buf());
}

pub(crate) fn unregister(path: &Path) {
    pending().retain(|p| p != path);
}

/// Removes every temporary file and directory this process has not finished, and keeps the
/// lock so that no switch can start afterwards: for an interrupted run, just before it exits.
pub fn remove_pending() {
    let mut list = pending();
    for p in list.drain(..) {
        remove_entry(&p);
    }
    std::mem::forget(list);
}

fn remove_entry(p: &Path) {
    let _ = match std::fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(p),
        Ok(_) => std::fs::remove_file(p),
        Err(_) => Ok(()),
    };
}

/// Prefix of this process' temporary names: the process id lets a later run tell the
/// leftovers of a dead run from the files of one still running beside it.
pub(crate) fn temp_prefix() -> String {
    format!(".gongwen-{}-", std::process::id())
}

/// Removes from `dir` the temporaries of runs that are no longer running. Names of earlier
/// versions (`.gongwen-XXXXXX.tmp`, no process id) are always stale.
pub(crate) fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name
            .strip_prefix(".gongwen-")
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let alive = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
            .is_some_and(process_alive);
        if !alive {
            remove_entry(&e.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // Signal 0 only asks whether the process exists; EPERM means it does, under another user.
    // SAFETY: kill with signal 0 sends nothing.
    unsafe { libc::kill(pid, 0) == 0 || *libc::__errno_location() == libc::EPERM }
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    // Without a cheap check, a temporary that names a process is left alone.
    true
}

/// The directory a run writes its tables into before they are switched into `target`.
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    /// Whether `temp` lies beside `target` (and can be exchanged with it) rather than inside.
    beside: bool,
    done: bool,
}

impl Staging {
    /// Creates `target` if missing, removes stale temporaries beside and inside it, and makes
    /// the staging directory.
    pub fn create(target: &Path) -> std::io::Result<Staging> {
        std::fs::create_dir_all(target)?;
        let abs = std::fs::canonicalize(target)?;
        remove_stale(&abs);
        let cwd = std::env::current_dir().ok();
        let parent = abs
            .parent()
            .filter(|_| cwd.as_deref() != Some(abs.as_path()));
        if let Some(parent) = parent {
            remove_stale(parent);
        }
        let make = |dir: &Path| {
            tempfile::Builder::new()
                .prefix(&temp_prefix())
                .suffix(".tmp")
                .tempdir_in(dir)
                .map(|d| d.keep())
        };
        // Beside the target when its parent can be written (and the target is not the
        // working directory, which a rename would move from under the process); else inside.
        let (temp, beside) = match parent.map(make) {
            Some(Ok(t)) => (t, true),
            _ => (make(&abs)?, false),
        };
        register(&temp);
        Ok(Staging {
            target: abs,
            temp,
            beside,
            done: false,
        })
    }

    /// Where the file `name` of this run is written.
    pub fn path(&self, name: &str) -> PathBuf {
        self.temp.join(name)
    }

    /// Switches the written files in. Whatever else the target holds is kept: its files are
    /// linked into the staging directory first, so one exchange of the two directories puts
    /// every new table in place at once. Where that cannot be done (a subdirectory in the
    /// target, another file system, no exchange on this system) the files are renamed in one
    /// by one.
    pub fn commit(mut self) -> std::io::Result<()> {
        let mut list = pending();
        let written: Vec<std::ffi::OsString> = std::fs::read_dir(&self.temp)?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<Result<_, _>>()?;
        let swapped =
            self.beside && self.carry_over(&written) && exchange(&self.temp, &self.target);
        if !swapped {
            for name in &written {
                std::fs::rename(self.temp.join(name), self.target.join(name))?;
            }
        }
        // After an exchange the staging path holds the previous output.
        remove_entry(&self.temp);
        list.retain(|p| p != &self.temp);
        self.done = true;
        Ok(())
    }

    /// Links into the staging directory every entry of the target that this run does not
    /// write; false if one cannot be.
    fn carry_over(&self, written: &[std::ffi::OsString]) -> bool {
        let Ok(entries) = std::fs::read_dir(&self.target) else {
            return false;
        };
        // The target's own permissions, not the private ones of a temporary directory.
        if let Ok(m) = std::fs::metadata(&self.target) {
            if std::fs::set_permissions(&self.temp, m.permissions()).is_err() {
                return false;
            }
        }
        for e in entries {
            let Ok(e) = e else { return false };
            let name = e.file_name();
            if written.contains(&name) || name.to_str().is_some_and(is_temp_name) {
                continue;
            }
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(true);
            if is_dir || std::fs::hard_link(e.path(), self.temp.join(&name)).is_err() {
                return false;
            }
        }
        true
    }
}

fn is_temp_name(name: &str) -> bool {
    name.starts_with(".gongwen-") && name.ends_with(".tmp")
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            remove_entry(&self.temp);
            unregister(&self.temp);
        }
    }
}

/// Exchanges two directories in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        std::ffi::CString::new(a.as_os_str().as_bytes()),
        std::ffi::CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both paths are valid NUL-terminated strings for the duration of the call.
    unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        ) == 0
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_switch_in_together_and_other_files_stay() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("a.csv"), "old a").unwrap();
        std::fs::write(out.join("b.csv"), "old b").unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let s = Staging::create(&out).unwrap();
        std::fs::write(s.path("a.csv"), "new a").unwrap();
        std::fs::write(s.path("b.csv"), "new b").unwrap();
        // Nothing is visible before the switch.
        assert_eq!(std::fs::read_to_string(out.join("a.csv")).unwrap(), "old a");
        s.commit().unwrap();
        let read = |n: &str| std::fs::read_to_string(out.join(n)).unwrap();
        assert_eq!(
            (read("a.csv"), read("b.csv")),
            ("new a".into(), "new b".into())
        );
        assert_eq!(read("notes.txt"), "mine");
        let left: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["out"]);
    }

    #[test]
    fn an_unfinished_staging_directory_is_removed() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        let s = Staging::create(&out).unwrap();
        std::fs::write(s.path("a.csv"), "new a").unwrap();
        drop(s);
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
    }
}
