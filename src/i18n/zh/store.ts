// Messages of the store area. Keys are names, values the Chinese text with
// {placeholders}; en/store.ts has the same keys.
export default {
  notJson: "不是完整的 JSON",
  noHash: "缺少哈希值",
  hashMismatch: "内容与哈希值不符（记录被改动过）",
  chainBroken: "与前一条记录的哈希链接不上（中间有记录被删改）",
  wrongSeq: "序号应为 {expected}，实际是 {actual}",
  lockBusy: "数据文件夹 {dir} 正被另一个 jiuzhu 进程使用，等待 {seconds} 秒后仍未释放：请稍后再试，或用 jiuzhu daemon status 查看",
  alreadyInitialised: "{dir} 里已经有一个办公室的数据，不能重复初始化",
  noOffice: "{dir} 里没有办公室数据：请先运行 jiuzhu init --office 代码 --name 名称（或 jiuzhu demo）",
  headDamaged: "{file} 已损坏：请运行 jiuzhu doctor --repair",
  storeUnreadable: "{name} 无法读取（不是完整的 JSON）：数据文件已损坏，请运行 jiuzhu doctor 查看，或从备份恢复",
  storeMissing: "{name} 不见了：请运行 jiuzhu doctor --repair 从日志重建，或从备份恢复",
  journalDamagedAfter: "日志 {file} 第 {line} 条之后{reason}：请运行 jiuzhu doctor 查看",
  journalTruncated: "{name} 记录到第 {storeSeq} 条变更，而日志只有 {journalSeq} 条：日志被截断了，请运行 jiuzhu doctor 查看，或从备份恢复",
  journalDamagedAt: "日志 {file} 第 {line} 条{reason}：请运行 jiuzhu doctor 查看",
  lockCompromised: "写入锁已失效（进程曾长时间无响应），本次修改没有保存，请重试",
  migrateNoId: "旧格式的 {collection} 里有一条记录没有编号，无法迁移",
  notObject: "{file} 不是对象：文件内容已损坏，请运行 jiuzhu doctor 查看",
  tooNew: "{file} 的格式版本是 {from}，比本程序支持的 {supported} 新：请升级 jiuzhu 后再打开",
  wrongStore: "{file} 记录的存储名是「{found}」，应为「{store}」",
} as const;
