import { useMe } from "../../api/useMe";
import { DEFAULT_MAX_UPLOAD_BYTES } from "./files";

/** The largest document this server accepts (`DOCUMENT_MAX_MB`), from `GET /me`. */
export function useUploadLimit(): number {
  return useMe().limits?.documentMaxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
}
