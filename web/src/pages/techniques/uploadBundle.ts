import { currentCsrfToken } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { readUploadAnswer } from './bundleFile';

/**
 * POSTs a file as JSON with XMLHttpRequest, which (unlike fetch) reports upload progress: `onProgress`
 * gets 0…1 while the bytes go out; after 1 the server is still reading the bundle.
 */
export function uploadJsonFile<T>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const answer = readUploadAnswer<T>(xhr.status, xhr.responseText);
      if (answer.ok) resolve(answer.body);
      else reject(new ApiProblem(answer.problem));
    };
    xhr.onerror = () => {
      const answer = readUploadAnswer<T>(0, '');
      if (!answer.ok) reject(new ApiProblem(answer.problem));
    };
    xhr.send(file);
  });
}
