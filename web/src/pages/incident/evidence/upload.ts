import { currentCsrfToken } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { evidenceFormData, uploadProblem, type UploadMetadata } from './evidenceFormat';
import type { Evidence } from './types';

export interface RunningUpload {
  done: Promise<Evidence>;
  cancel(): void;
}

/**
 * Uploads one file as multipart with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * The File goes in as it is, so the browser streams it from disk: a disk image never sits in memory.
 */
export function uploadEvidence(incidentId: string, metadata: UploadMetadata, file: File, onProgress: (loaded: number, total: number) => void): RunningUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Evidence>((resolve, reject) => {
    xhr.open('POST', `/api/v1/incidents/${encodeURIComponent(incidentId)}/evidence`);
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as Evidence);
      else reject(new ApiProblem(uploadProblem(xhr.status, xhr.responseText, file)));
    };
    xhr.onerror = () => reject(new ApiProblem(uploadProblem(0, '', file)));
    xhr.onabort = () => reject(new ApiProblem({ title: 'Upload cancelled', status: -2, detail: 'You cancelled the upload; nothing was kept.' }));
    xhr.send(evidenceFormData(metadata, file));
  });
  return { done, cancel: () => xhr.abort() };
}
