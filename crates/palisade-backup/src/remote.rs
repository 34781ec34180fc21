//! Copies of backups, and of the WAL archive, in an object store (the `object_store` crate):
//! `s3://bucket/prefix` for anything that speaks S3 (endpoint, keys and region from the
//! standard `AWS_*` environment variables), `file:///path` for a mounted disk. `backup.dir`
//! stays the staging area: a file is uploaded once it is whole there, under the same name
//! below the prefix, and deleted there when retention deletes it locally.

use crate::BackupError;
use futures_util::TryStreamExt;
use object_store::path::Path as ObjectPath;
use object_store::ObjectStore;
use std::path::Path;
use std::sync::Arc;
use tokio::io::AsyncWriteExt;

/// An object store and the prefix backups go under.
#[derive(Debug, Clone)]
pub struct Remote {
    store: Arc<dyn ObjectStore>,
    prefix: ObjectPath,
    shown: String,
}

fn remote_error(err: impl std::fmt::Display) -> BackupError {
    BackupError::Remote(err.to_string())
}

impl Remote {
    /// Parses `s3://bucket/prefix` (configured by the `AWS_*` environment variables) or
    /// `file:///absolute/path`.
    pub fn parse(url: &str) -> Result<Self, BackupError> {
        Self::parse_with(
            url,
            std::env::vars().filter(|(key, _)| key.starts_with("AWS_")),
        )
    }

    /// As [`Remote::parse`], with the S3 settings given (`AWS_ENDPOINT`, `AWS_REGION`,
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_ALLOW_HTTP`, …).
    pub fn parse_with(
        url: &str,
        settings: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, BackupError> {
        let parsed = url::Url::parse(url)
            .map_err(|_| BackupError::Remote(format!("`{url}` is not a URL")))?;
        let prefix = ObjectPath::from(parsed.path().trim_matches('/'));
        let store: Arc<dyn ObjectStore> = match parsed.scheme() {
            "s3" => {
                let bucket = parsed.host_str().filter(|b| !b.is_empty()).ok_or_else(|| {
                    BackupError::Remote("an s3:// URL names its bucket: s3://bucket/prefix".into())
                })?;
                let mut builder =
                    object_store::aws::AmazonS3Builder::new().with_bucket_name(bucket);
                for (key, value) in settings {
                    if let Ok(key) = key.to_ascii_lowercase().parse() {
                        builder = builder.with_config(key, value);
                    }
                }
                Arc::new(builder.build().map_err(remote_error)?)
            }
            "file" => {
                let root = parsed.to_file_path().map_err(|()| {
                    BackupError::Remote("a file:// URL names an absolute path".into())
                })?;
                std::fs::create_dir_all(&root)?;
                return Ok(Self {
                    store: Arc::new(
                        object_store::local::LocalFileSystem::new_with_prefix(&root)
                            .map_err(remote_error)?,
                    ),
                    prefix: ObjectPath::default(),
                    shown: url.to_owned(),
                });
            }
            other => {
                return Err(BackupError::Remote(format!(
                    "`{other}://` is not a supported object store: use s3:// or file://"
                )))
            }
        };
        Ok(Self {
            store,
            prefix,
            shown: url.to_owned(),
        })
    }

    fn path(&self, name: &str) -> ObjectPath {
        name.split('/')
            .filter(|part| !part.is_empty())
            .fold(self.prefix.clone(), |path, part| path.child(part))
    }

    /// Uploads the local file `file` as `name` (a relative path below the prefix), in parts
    /// when it is large.
    pub async fn upload(&self, file: &Path, name: &str) -> Result<(), BackupError> {
        let mut source = tokio::fs::File::open(file).await?;
        let mut target =
            object_store::buffered::BufWriter::new(self.store.clone(), self.path(name));
        let copied = tokio::io::copy(&mut source, &mut target).await;
        if let Err(err) = copied {
            let _ = target.abort().await;
            return Err(remote_error(err));
        }
        target.shutdown().await.map_err(remote_error)
    }

    /// Every object below `dir` (relative to the prefix), as names relative to the prefix.
    pub async fn list(&self, dir: &str) -> Result<Vec<String>, BackupError> {
        let below = self.path(dir);
        let found: Vec<_> = self
            .store
            .list(Some(&below))
            .try_collect()
            .await
            .map_err(remote_error)?;
        let mut names: Vec<String> = found
            .into_iter()
            .filter_map(|meta| {
                let parts: Vec<_> = meta.location.prefix_match(&self.prefix)?.collect();
                Some(
                    parts
                        .iter()
                        .map(|p| p.as_ref().to_owned())
                        .collect::<Vec<_>>()
                        .join("/"),
                )
            })
            .collect();
        names.sort();
        Ok(names)
    }

    /// The objects directly below the prefix (not those in folders such as `wal/`).
    pub async fn list_top(&self) -> Result<Vec<String>, BackupError> {
        let listing = self
            .store
            .list_with_delimiter(Some(&self.prefix))
            .await
            .map_err(remote_error)?;
        let mut names: Vec<String> = listing
            .objects
            .into_iter()
            .filter_map(|meta| meta.location.filename().map(str::to_owned))
            .collect();
        names.sort();
        Ok(names)
    }

    pub async fn delete(&self, name: &str) -> Result<(), BackupError> {
        match self.store.delete(&self.path(name)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(remote_error(err)),
        }
    }

    /// Downloads every object below the prefix into `dir`, keeping their relative paths, so
    /// `palisade backup restore` can read them; returns how many.
    pub async fn download_all(&self, dir: &Path) -> Result<usize, BackupError> {
        let names = self.list("").await?;
        for name in &names {
            // Object paths never hold `.` or `..` parts; a name is still checked before it
            // becomes a local path.
            let safe = name
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
            if !safe {
                return Err(BackupError::Remote(format!(
                    "refusing the object name `{name}`"
                )));
            }
            let target = dir.join(name);
            if let Some(parent) = target.parent() {
                tokio::fs::create_dir_all(parent).await?;
            }
            // Never over a file (or a link) already there; 0600; no half file left behind.
            let mut out = tokio::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&target)
                .await?;
            let copied = async {
                let mut body = self
                    .store
                    .get(&self.path(name))
                    .await
                    .map_err(remote_error)?
                    .into_stream();
                while let Some(chunk) = body.try_next().await.map_err(remote_error)? {
                    out.write_all(&chunk).await?;
                }
                Ok::<(), BackupError>(out.sync_all().await?)
            }
            .await;
            if copied.is_err() {
                let _ = tokio::fs::remove_file(&target).await;
            }
            copied?;
        }
        Ok(names.len())
    }
}

impl std::fmt::Display for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}
